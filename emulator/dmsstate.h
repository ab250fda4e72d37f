// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

// Microsoft.DataMigration resources of the emulator (azure-api.md §4); private to the emulator.

#include "emulator/migrationrunner.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <map>
#include <memory>

namespace fm::emulator {

struct ServerState;

struct DmsTask {
    QString name;
    QString taskType;
    nlohmann::json input;        ///< as sent, passwords removed
    nlohmann::json clientData = nlohmann::json::object();
    QString state = QStringLiteral("Queued"); ///< TaskState: Queued, Running, Succeeded, Failed, Canceled, FailedInputValidation
    nlohmann::json errors = nlohmann::json::array();
    nlohmann::json commands = nlohmann::json::array();
    nlohmann::json staticOutput = nlohmann::json::array(); ///< connect/table-list tasks: computed at PUT
    QStringList dbs;
    ServerState *source = nullptr;
    ServerState *target = nullptr;
    QSet<QString> completeRequested;
    bool cutoverRequested = false;
    bool cancelRequested = false;
    QString startedOn, endedOn;
    QString migrationId;
    std::unique_ptr<MigrationRunner> runner;
    RunnerStatus last; ///< the runner's status when it finished (the runner is gone then)
};

struct DmsProject {
    QString name;
    QString location;
    QString sourcePlatform, targetPlatform;
    QString creationTime;
    std::map<QString, std::unique_ptr<DmsTask>> tasks; ///< key: lower-case name
};

struct DmsService {
    QString subscriptionId, resourceGroup, name, location;
    QString skuName;
    QString virtualSubnetId;
    qint64 readyAtMs = 0;
    bool deleting = false;
    QString etag;
    std::map<QString, std::unique_ptr<DmsProject>> projects; ///< key: lower-case name
};

} // namespace fm::emulator
