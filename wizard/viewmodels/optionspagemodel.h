// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/migration/migrationspec.h"

#include <QDateTime>
#include <QObject>

#include <memory>

namespace fm::ui {

class WizardModel;

/**
 * @brief Options page: migration name (checked as typed; availability asked of
 * the target server for the service backend), logical replication set-up on
 * the source (the note says Azure restarts it), overwrite of target databases,
 * start now or at a time, cutover mode, and copy jobs for the direct backend.
 * Every setter writes the spec at once.
 */
class OptionsPageModel : public QObject
{
    Q_OBJECT
public:
    enum class Availability { Unknown, Checking, Available, Taken, CheckFailed };

    explicit OptionsPageModel(WizardModel *wizard, QObject *parent = nullptr);
    ~OptionsPageModel() override;

    QString name() const;
    void setName(const QString &name);
    QString nameError() const { return m_nameError; }
    /** Service backend: asks ARM checkMigrationNameAvailability on the target; the answer lands in availability(). */
    void checkNameAvailability();
    Availability availability() const { return m_availability; }
    /** ARM's message when taken, or why the check failed. */
    QString availabilityText() const { return m_availabilityText; }

    bool setupLogicalReplication() const;
    void setSetupLogicalReplication(bool on);
    /** Shown beside the checkbox: what turning it on does to the source. */
    QString setupReplicationNote() const;

    bool overwriteTargetDatabases() const;
    void setOverwriteTargetDatabases(bool on);

    /** Invalid QDateTime: start now. */
    QDateTime startTimeUtc() const;
    void setStartTimeUtc(const QDateTime &utc);
    QString startTimeError() const { return m_startTimeError; }

    migration::CutoverMode cutover() const;
    void setCutover(migration::CutoverMode mode);

    int jobs() const;
    void setJobs(int jobs);
    /** Copy jobs only apply to the direct backend (the Azure services choose their own parallelism). */
    bool jobsApply() const;
    QString jobsError() const { return m_jobsError; }

    /** DMS backend: the virtual network subnet the DMS service is deployed into (…/virtualNetworks/<vnet>/subnets/<subnet>). */
    QString dmsSubnetId() const;
    void setDmsSubnetId(const QString &id);
    bool dmsSubnetApplies() const;
    QString dmsSubnetError() const;

    bool isBusy() const { return m_availability == Availability::Checking; }
    QString errorText() const;
    bool isComplete() const { return errorText().isEmpty() && !isBusy(); }

signals:
    void changed();

private:
    WizardModel *m_wizard;
    QString m_nameError;
    QString m_startTimeError;
    QString m_jobsError;
    Availability m_availability = Availability::Unknown;
    QString m_availabilityText;
    std::unique_ptr<QObject> m_run;
};

} // namespace fm::ui
