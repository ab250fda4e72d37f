// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/viewmodels/reviewpagemodel.h"

#include "engine/core/format.h"
#include "wizard/viewmodels/wizardmodel.h"

#include <QFileInfo>
#include <QSaveFile>

namespace fm::ui {

namespace {

QString describe(const migration::ServerEndpoint &e)
{
    QStringList parts;
    if (!e.resourceId.isEmpty())
        parts << e.resourceId;
    if (!e.host.isEmpty())
        parts << QStringLiteral("%1:%2").arg(e.host).arg(e.port);
    parts << QStringLiteral("user %1").arg(e.user.isEmpty() ? QStringLiteral("(none)") : e.user);
    if (!e.sslMode.isEmpty())
        parts << QStringLiteral("sslmode %1").arg(e.sslMode);
    parts << (e.passwordRef.isEmpty() ? QStringLiteral("password asked when the migration starts") : QStringLiteral("password from %1").arg(e.passwordRef));
    return parts.join(QStringLiteral(", "));
}

} // namespace

ReviewPageModel::ReviewPageModel(WizardModel *wizard, QObject *parent)
    : QObject(parent), m_wizard(wizard), m_format(arm::PropertiesFile::Format::New)
{
}

void ReviewPageModel::setFormat(arm::PropertiesFile::Format format)
{
    m_format = format;
    emit changed();
}

QString ReviewPageModel::summary() const
{
    const auto &s = m_wizard->spec();
    QStringList l;
    const QString backend = s.backend == migration::Backend::Service ? tr("Azure migration service")
                            : s.backend == migration::Backend::Dms   ? tr("Azure Database Migration Service")
                                                                     : tr("direct from this workstation");
    l << tr("Migration: %1").arg(s.name);
    l << tr("Backend: %1").arg(backend);
    if (s.backend != migration::Backend::Direct) {
        l << tr("Cloud: %1 (%2)").arg(m_wizard->profile().name, m_wizard->profile().armEndpoint.toString());
        l << (s.aadApp.useAzureCli ? tr("Acts as: the signed-in Azure CLI account")
                                   : tr("Acts as: AAD app %1 in tenant %2 (secret %3)")
                                         .arg(s.aadApp.clientId, s.aadApp.tenantId,
                                              s.aadApp.secretRef.isEmpty() ? tr("asked when the migration starts") : tr("from %1").arg(s.aadApp.secretRef)));
    }
    l << tr("Source: %1").arg(describe(s.source));
    l << tr("Target: %1").arg(describe(s.target));
    const auto parts = s.backend != migration::Backend::Direct ? s.split(8) : QList<migration::MigrationSpec>{s};
    if (parts.size() > 1) {
        l << tr("Databases (%1, split into %2 migrations run one after another):").arg(s.databases.size()).arg(parts.size());
        for (const auto &p : parts)
            l << QStringLiteral("  %1: %2").arg(p.name, p.databases.join(QStringLiteral(", ")));
    } else {
        l << tr("Databases (%1): %2").arg(s.databases.size()).arg(s.databases.join(QStringLiteral(", ")));
    }
    l << tr("Overwrite target databases: %1").arg(s.options.overwriteTargetDatabases ? tr("yes") : tr("no"));
    l << tr("Set up logical replication on the source: %1")
             .arg(s.options.setupLogicalReplication ? tr("yes (the source server restarts)") : tr("no"));
    l << tr("Start: %1").arg(s.options.startTimeUtc.isValid() ? s.options.startTimeUtc.toString(Qt::ISODate) : tr("now"));
    l << tr("Cutover: %1").arg(s.options.cutover == migration::CutoverMode::Manual ? tr("manual") : tr("automatic"));
    if (s.backend == migration::Backend::Direct)
        l << tr("Copy jobs: %1").arg(s.options.jobs);
    return l.join(QLatin1Char('\n'));
}

QByteArray ReviewPageModel::propertiesFile() const
{
    return m_wizard->spec().toPropertiesFile(m_format);
}

QString ReviewPageModel::azCommand(const QString &propertiesPath) const
{
    return m_wizard->spec().azCreateCommand(propertiesPath);
}

QString ReviewPageModel::reviewText() const
{
    QString t = summary();
    const auto &spec = m_wizard->spec();
    if (spec.backend == migration::Backend::Service) {
        // A split selection is several migrations: each gets its own file and command.
        const auto parts = spec.split(8);
        for (const auto &part : parts) {
            const QString file = parts.size() > 1 ? part.name + QStringLiteral("-properties.json") : QStringLiteral("migration-properties.json");
            t += QStringLiteral("\n\n") + tr("Properties file %1 (secrets shown as placeholders):").arg(file) + QLatin1Char('\n')
                 + QString::fromUtf8(part.toPropertiesFile(m_format));
            t += QStringLiteral("\n\n") + tr("Equivalent Azure CLI command:") + QLatin1Char('\n') + part.azCreateCommand(file);
        }
    }
    const QStringList p = problems();
    if (!p.isEmpty())
        t += QStringLiteral("\n\n") + tr("To fix before it can run:") + QLatin1Char('\n') + p.join(QLatin1Char('\n'));
    return t;
}

bool ReviewPageModel::exportPropertiesFile(const QString &path)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(propertiesFile()) < 0 || !f.commit()) {
        m_errorText = tr("Could not write %1: %2").arg(QFileInfo(path).fileName(), f.errorString());
        emit changed();
        return false;
    }
    m_errorText.clear();
    emit changed();
    return true;
}

QStringList ReviewPageModel::problems() const
{
    QStringList out;
    for (const auto &p : m_wizard->spec().validate())
        out << p.message;
    return out;
}

} // namespace fm::ui
