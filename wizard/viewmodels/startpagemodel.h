// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/migration/migrationspec.h"

#include <QObject>
#include <QStringList>

namespace fm::ui {

class WizardModel;

/**
 * @brief Start page: which backend runs the migration, which cloud (a known
 * one, or custom endpoints such as the local emulator), or open a saved draft.
 * Applies valid choices to the WizardModel at once; errors are per field.
 */
class StartPageModel : public QObject
{
    Q_OBJECT
public:
    explicit StartPageModel(WizardModel *wizard, QObject *parent = nullptr);

    /** Backends in display order, with their labels (the service is recommended, DESIGN.md). */
    static QList<migration::Backend> backends();
    static QString backendLabel(migration::Backend backend);
    migration::Backend backend() const;
    void setBackend(migration::Backend backend);

    /** "AzureCloud", "AzureChinaCloud", "AzureUSGovernment", "custom". */
    static QStringList cloudNames();
    QString cloudName() const { return m_cloudName; }
    void setCloudName(const QString &name);

    // Custom cloud (emulator): checked as typed, applied when all three are valid.
    QString armEndpoint() const { return m_armEndpoint; }
    void setArmEndpoint(const QString &url);
    QString authorityHost() const { return m_authorityHost; }
    void setAuthorityHost(const QString &url);
    QString audience() const { return m_audience; }
    void setAudience(const QString &audience);
    /** The custom cloud's problem (first wrong field), empty when fine or not custom. */
    QString cloudError() const { return m_cloudError; }

    /** Loads a draft into the wizard. False and errorText() naming the file and the problem when it cannot. */
    bool openDraft(const QString &path);
    QString errorText() const { return m_errorText; }
    bool isBusy() const { return false; }
    bool isComplete() const;

signals:
    void changed();
    void errorTextChanged(const QString &text);

private:
    void applyCloud();
    void setErrorText(const QString &text);

    WizardModel *m_wizard;
    QString m_cloudName = QStringLiteral("AzureCloud");
    QString m_armEndpoint;
    QString m_authorityHost;
    QString m_audience;
    QString m_cloudError;
    QString m_errorText;
};

} // namespace fm::ui
