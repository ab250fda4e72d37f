// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/viewmodels/optionspagemodel.h"

#include "engine/arm/migrationclient.h"
#include "engine/arm/resourceid.h"
#include "wizard/viewmodels/wizardmodel.h"

namespace fm::ui {

OptionsPageModel::OptionsPageModel(WizardModel *wizard, QObject *parent) : QObject(parent), m_wizard(wizard)
{
    if (!wizard->spec().name.isEmpty())
        setName(wizard->spec().name);
}

OptionsPageModel::~OptionsPageModel() = default;

QString OptionsPageModel::name() const
{
    return m_wizard->spec().name;
}

void OptionsPageModel::setName(const QString &name)
{
    m_run.reset();
    m_availability = Availability::Unknown;
    m_availabilityText.clear();
    m_wizard->spec().name = name.trimmed();
    if (name.trimmed().isEmpty())
        m_nameError = tr("Give the migration a name (letters, digits and '-').");
    else if (auto e = arm::ResourceId::checkMigrationName(name.trimmed()))
        m_nameError = e->message;
    else
        m_nameError.clear();
    emit changed();
}

void OptionsPageModel::checkNameAvailability()
{
    m_run.reset();
    if (!m_nameError.isEmpty() || m_wizard->spec().backend != migration::Backend::Service)
        return;
    auto target = arm::ResourceId::parse(m_wizard->spec().target.resourceId);
    if (!target) {
        m_availability = Availability::CheckFailed;
        m_availabilityText = tr("The name's availability cannot be checked without the target server.");
        emit changed();
        return;
    }
    auto http = m_wizard->armHttpClient();
    if (!http) {
        m_availability = Availability::CheckFailed;
        m_availabilityText = http.error().message;
        emit changed();
        return;
    }
    m_run = std::make_unique<QObject>();
    m_availability = Availability::Checking;
    emit changed();
    auto client = std::make_shared<arm::MigrationClient>(*http, m_wizard->profile(), arm::MigrationApiVersion::Stable20240801);
    const QString name = m_wizard->spec().name;
    client->checkNameAvailability(*target, name, m_run.get(), [this, client, name](Expected<arm::NameAvailability> r) {
        if (!r) {
            m_availability = Availability::CheckFailed;
            m_availabilityText = tr("Could not check the name: %1").arg(r.error().toDisplayString());
        } else if (r->nameAvailable) {
            m_availability = Availability::Available;
            m_availabilityText.clear();
        } else {
            m_availability = Availability::Taken;
            m_availabilityText = r->message.isEmpty() ? tr("The target server already has a migration named \"%1\".").arg(name) : r->message;
        }
        emit changed();
    });
}

bool OptionsPageModel::setupLogicalReplication() const
{
    return m_wizard->spec().options.setupLogicalReplication;
}

void OptionsPageModel::setSetupLogicalReplication(bool on)
{
    m_wizard->spec().options.setupLogicalReplication = on;
    emit changed();
}

QString OptionsPageModel::setupReplicationNote() const
{
    if (m_wizard->spec().backend == migration::Backend::Direct)
        return tr("The source needs wal_level = logical; changing it takes a server restart, which FlexMigrate does not do for you.");
    // azure-api.md §2: azure.replication_support takes effect only after a restart.
    return tr("Sets azure.replication_support to logical on the source and restarts the source server: "
              "it is unavailable for a few minutes.");
}

bool OptionsPageModel::overwriteTargetDatabases() const
{
    return m_wizard->spec().options.overwriteTargetDatabases;
}

void OptionsPageModel::setOverwriteTargetDatabases(bool on)
{
    m_wizard->spec().options.overwriteTargetDatabases = on;
    emit changed();
}

QDateTime OptionsPageModel::startTimeUtc() const
{
    return m_wizard->spec().options.startTimeUtc;
}

void OptionsPageModel::setStartTimeUtc(const QDateTime &utc)
{
    m_wizard->spec().options.startTimeUtc = utc.isValid() ? utc.toUTC() : QDateTime();
    if (utc.isValid() && utc < QDateTime::currentDateTimeUtc().addSecs(-60))
        m_startTimeError = tr("The start time %1 is in the past; choose a later time or start now.").arg(utc.toUTC().toString(Qt::ISODate));
    else
        m_startTimeError.clear();
    emit changed();
}

migration::CutoverMode OptionsPageModel::cutover() const
{
    return m_wizard->spec().options.cutover;
}

void OptionsPageModel::setCutover(migration::CutoverMode mode)
{
    m_wizard->spec().options.cutover = mode;
    emit changed();
}

int OptionsPageModel::jobs() const
{
    return m_wizard->spec().options.jobs;
}

void OptionsPageModel::setJobs(int jobs)
{
    m_wizard->spec().options.jobs = jobs;
    m_jobsError = jobs < 1 || jobs > 32 ? tr("Copy jobs must be between 1 and 32, not %1.").arg(jobs) : QString();
    emit changed();
}

bool OptionsPageModel::jobsApply() const
{
    return m_wizard->spec().backend == migration::Backend::Direct;
}

QString OptionsPageModel::dmsSubnetId() const
{
    return m_wizard->spec().dmsSubnetId;
}

void OptionsPageModel::setDmsSubnetId(const QString &id)
{
    m_wizard->spec().dmsSubnetId = id.trimmed();
    emit changed();
}

bool OptionsPageModel::dmsSubnetApplies() const
{
    return m_wizard->spec().backend == migration::Backend::Dms;
}

QString OptionsPageModel::dmsSubnetError() const
{
    if (!dmsSubnetApplies())
        return {};
    // The same rule as MigrationSpec::validate() (field "dmsSubnetId").
    for (const auto &p : m_wizard->spec().validate())
        if (p.field == QLatin1String("dmsSubnetId"))
            return p.message;
    return {};
}

QString OptionsPageModel::errorText() const
{
    if (m_wizard->spec().name.isEmpty())
        return tr("Give the migration a name (letters, digits and '-').");
    if (!m_nameError.isEmpty())
        return m_nameError;
    if (m_availability == Availability::Taken)
        return m_availabilityText;
    if (!m_startTimeError.isEmpty())
        return m_startTimeError;
    if (const QString e = dmsSubnetError(); !e.isEmpty())
        return e;
    return m_jobsError;
}

} // namespace fm::ui
