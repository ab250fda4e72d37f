// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/arm/propertiesfile.h"
#include "engine/core/expected.h"

#include <QObject>

namespace fm::ui {

class WizardModel;

/**
 * @brief Review page: exactly the plan that will run (STYLE rule 9) - the
 * spec's summary, the az CLI properties file with placeholders where secrets go,
 * and the equivalent `az postgres flexible-server migration create` command
 * line - plus the spec's remaining problems. Nothing here holds a secret.
 */
class ReviewPageModel : public QObject
{
    Q_OBJECT
public:
    explicit ReviewPageModel(WizardModel *wizard, QObject *parent = nullptr);

    /** The plan in words: backend, cloud, servers, AAD app, databases (and the split), options. */
    QString summary() const;
    /** The properties file (placeholders for secrets), in the stable api-version's format by default. */
    QByteArray propertiesFile() const;
    arm::PropertiesFile::Format format() const { return m_format; }
    void setFormat(arm::PropertiesFile::Format format);
    /** The az command for a properties file saved at propertiesPath. */
    QString azCommand(const QString &propertiesPath = QStringLiteral("migration-properties.json")) const;
    /** summary + properties file + command: the whole review text as shown. */
    QString reviewText() const;

    /** Writes propertiesFile() to path; false and errorText() when it cannot. */
    bool exportPropertiesFile(const QString &path);

    /** MigrationSpec::validate() messages, one a line; empty when the plan can run. */
    QStringList problems() const;
    QString errorText() const { return m_errorText; }
    bool isBusy() const { return false; }
    bool isComplete() const { return problems().isEmpty(); }

signals:
    void changed();

private:
    WizardModel *m_wizard;
    arm::PropertiesFile::Format m_format;
    QString m_errorText;
};

} // namespace fm::ui
