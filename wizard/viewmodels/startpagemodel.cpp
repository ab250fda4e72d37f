// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/viewmodels/startpagemodel.h"

#include "wizard/viewmodels/wizardmodel.h"

#include <QFileInfo>
#include <QUrl>

namespace fm::ui {

namespace {
const QString kCustom = QStringLiteral("custom");
}

StartPageModel::StartPageModel(WizardModel *wizard, QObject *parent) : QObject(parent), m_wizard(wizard)
{
    const auto &p = wizard->profile();
    m_cloudName = p.name.isEmpty() ? kCustom : p.name;
    if (m_cloudName == kCustom) {
        m_armEndpoint = p.armEndpoint.toString();
        m_authorityHost = p.authorityHost.toString();
        m_audience = p.armAudience;
    }
}

QList<migration::Backend> StartPageModel::backends()
{
    return {migration::Backend::Service, migration::Backend::Dms, migration::Backend::Direct};
}

QString StartPageModel::backendLabel(migration::Backend backend)
{
    switch (backend) {
    case migration::Backend::Service: return tr("Azure migration service (recommended)");
    case migration::Backend::Dms: return tr("Azure Database Migration Service (DMS)");
    case migration::Backend::Direct: return tr("Direct from this workstation");
    }
    return {};
}

migration::Backend StartPageModel::backend() const
{
    return m_wizard->spec().backend;
}

void StartPageModel::setBackend(migration::Backend backend)
{
    if (m_wizard->spec().backend == backend)
        return;
    m_wizard->spec().backend = backend;
    emit m_wizard->backendChanged();
    emit changed();
}

QStringList StartPageModel::cloudNames()
{
    return {QStringLiteral("AzureCloud"), QStringLiteral("AzureChinaCloud"), QStringLiteral("AzureUSGovernment"), kCustom};
}

void StartPageModel::setCloudName(const QString &name)
{
    m_cloudName = name;
    applyCloud();
}

void StartPageModel::setArmEndpoint(const QString &url)
{
    m_armEndpoint = url.trimmed();
    applyCloud();
}

void StartPageModel::setAuthorityHost(const QString &url)
{
    m_authorityHost = url.trimmed();
    applyCloud();
}

void StartPageModel::setAudience(const QString &audience)
{
    m_audience = audience.trimmed();
    applyCloud();
}

void StartPageModel::applyCloud()
{
    m_cloudError.clear();
    if (m_cloudName == kCustom) {
        // Parse strictly: a typo must not silently become a relative URL.
        const auto profile = http::CloudProfile::custom(QUrl(m_armEndpoint, QUrl::StrictMode), QUrl(m_authorityHost, QUrl::StrictMode), m_audience);
        if (auto ok = profile.validate(); !ok)
            m_cloudError = ok.error().message;
        else
            m_wizard->setProfile(profile);
    } else if (auto p = http::CloudProfile::byName(m_cloudName); !p) {
        m_cloudError = p.error().message;
    } else {
        m_wizard->setProfile(*p);
    }
    emit changed();
}

bool StartPageModel::openDraft(const QString &path)
{
    auto spec = migration::MigrationSpec::loadDraft(path);
    if (!spec) {
        // The unreadable-file message already names the path; the others say what is wrong inside.
        setErrorText(spec.error().code == QLatin1String("DraftNotReadable")
                         ? spec.error().message
                         : tr("The draft %1 cannot be used: %2").arg(QFileInfo(path).fileName(), spec.error().message));
        return false;
    }
    setErrorText({});
    m_wizard->setSpec(*spec);
    // The draft names its cloud; custom endpoints are not in drafts, so keep the current ones then.
    if (spec->cloud != kCustom && cloudNames().contains(spec->cloud))
        setCloudName(spec->cloud);
    emit changed();
    return true;
}

bool StartPageModel::isComplete() const
{
    return m_cloudError.isEmpty() && (m_cloudName != kCustom || !m_armEndpoint.isEmpty());
}

void StartPageModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    emit errorTextChanged(text);
}

} // namespace fm::ui
