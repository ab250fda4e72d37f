// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/carryover/carryoverplan.h"
#include "engine/carryover/rolecarryover.h"
#include "engine/core/job.h"
#include "engine/core/secret.h"
#include "engine/pg/connectionparams.h"

#include <QMap>
#include <QObject>
#include <QPointer>

namespace fm::ui {

/**
 * @brief The optional carry-over page (issue 12), without widgets: plans roles
 * and grants and server parameters for a source/target pair on a worker thread,
 * lets the user tick items (a conflict only with an explicit tick: consent),
 * type passwords for new login roles, and applies one phase. Generated
 * passwords are handed out once (takeGeneratedPasswords()) and then forgotten.
 * ARM-side items (firewall rules, Azure parameters) planned elsewhere can be
 * merged in with addItems(); this model applies only the libpq part.
 */
class CarryOverPageModel : public QObject
{
    Q_OBJECT
public:
    explicit CarryOverPageModel(QObject *parent = nullptr);
    ~CarryOverPageModel() override;

    void setServers(const pg::ConnectionParams &source, const pg::ConnectionParams &target, const QStringList &databases,
                    const carryover::RolePlanOptions &options = {});
    /** Reads both servers and builds the plan; planned() or errorText() follow. */
    void plan();
    void addItems(const carryover::CarryOverPlan &more);

    const carryover::CarryOverPlan &currentPlan() const { return m_plan; }
    QString planText() const { return m_plan.toText(); }
    /** False (errorText() says why) for an unknown key or an item that cannot be carried / is already there. */
    bool setTicked(const QString &key, bool ticked);
    /** Login roles that will be created: each gets the typed password or a generated one. */
    QStringList rolesNeedingPassword() const;
    bool setPassword(const QString &role, const Secret &password);

    /** Applies the ticked items of one phase on the target (roles, grants, ownership; parameters with ALTER SYSTEM after the schema). */
    void apply(carryover::CarryOverItem::Phase phase);
    const QList<carryover::ItemOutcome> &outcomes() const { return m_outcomes; }
    /** The generated passwords of the last apply, once: a second call returns nothing. */
    QMap<QString, Secret> takeGeneratedPasswords();

    bool isBusy() const { return m_job != nullptr; }
    QString errorText() const { return m_errorText; }

signals:
    void planned();
    void applied();
    void changed();
    void errorTextChanged(const QString &text);

private:
    void setErrorText(const QString &text);

    pg::ConnectionParams m_source, m_target;
    QStringList m_databases;
    carryover::RolePlanOptions m_options;
    carryover::CarryOverPlan m_plan;
    QMap<QString, Secret> m_passwords;
    QMap<QString, Secret> m_generated;
    QList<carryover::ItemOutcome> m_outcomes;
    QPointer<Job> m_job;
    QString m_errorText;
};

} // namespace fm::ui
