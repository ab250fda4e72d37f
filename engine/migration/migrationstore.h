// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"
#include "engine/migration/migrationspec.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace fm::migration {

/**
 * @brief What this app remembers about a migration it started, to reattach
 * after a restart and to clean up what it created: ids and resource ids,
 * never a secret.
 */
struct StoredMigration {
    QString id;                ///< local id (UUID)
    QString name;
    Backend backend = Backend::Service;
    QString targetResourceId;  ///< Azure backends: the Flexible Server
    QString migrationResourceId;
    QString apiVersion;
    QStringList databases;
    QString groupId;           ///< set when a large selection was split into numbered migrations
    int groupIndex = 0;
    QDateTime createdUtc;
    QString lastState;         ///< as last seen; the backend is asked again on reattach
    QString directJournalPath; ///< direct backend
    /** Resources created on the user's behalf (DMS service, project, task, firewall rules...) to delete at the end. */
    QStringList createdResources;
    QJsonObject extra;

    bool operator==(const StoredMigration &) const = default;
};

/**
 * @brief One JSON file per migration under <AppDataLocation>/migrations,
 * written atomically. A file that cannot be read is reported, not fatal.
 */
class MigrationStore
{
public:
    explicit MigrationStore(QString directory = {});

    QString directory() const { return m_dir; }
    Expected<void> save(const StoredMigration &m) const;
    Expected<StoredMigration> load(const QString &id) const;
    Expected<void> remove(const QString &id) const;
    /** Every readable record, newest first; unreadable files are listed in `problems`. */
    QList<StoredMigration> list(QStringList *problems = nullptr) const;

    static QString defaultDirectory();

private:
    QString pathFor(const QString &id) const;
    QString m_dir;
};

QJsonObject toJson(const StoredMigration &m);
Expected<StoredMigration> storedMigrationFromJson(const QJsonObject &o);

} // namespace fm::migration
