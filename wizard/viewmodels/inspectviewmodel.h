// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/pg/inspection.h"
#include "engine/pg/preflight.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace fm {
template<typename T>
class ThreadJob;
}

namespace fm::ui {

/**
 * @brief State and actions behind the inspection view: two URIs in, server
 * facts and pre-flight results out. No widgets; tested on its own.
 *
 * inspect() starts one ThreadJob per server, so the UI thread never waits on
 * libpq; a second inspect() while one runs cancels the first.
 */
class InspectViewModel : public QObject
{
    Q_OBJECT
public:
    explicit InspectViewModel(QObject *parent = nullptr);
    ~InspectViewModel() override;

    QString sourceUri() const { return m_sourceUri; }
    void setSourceUri(const QString &uri);
    QString targetUri() const { return m_targetUri; }
    void setTargetUri(const QString &uri);
    /** Passwords are kept out of the URI fields (shown masked on their own); used when the URI has none. */
    void setSourcePassword(const QString &password) { m_sourcePassword = Secret(password); }
    void setTargetPassword(const QString &password) { m_targetPassword = Secret(password); }
    bool hasSourcePassword() const { return !m_sourcePassword.isEmpty(); }

    /** Splits "scheme://user:password@host..." into the URI without the password and the password. */
    static std::pair<QString, QString> splitPassword(const QString &uri);
    pg::BackendKind backend() const { return m_backend; }
    void setBackend(pg::BackendKind backend);
    QStringList selectedDatabases() const { return m_selected; }
    void setSelectedDatabases(const QStringList &names);

    bool isBusy() const { return m_busy; }
    QString errorText() const { return m_errorText; }
    /** Validation of the inputs without touching a server; empty when fine. */
    QString inputError() const;

    const std::optional<pg::ServerInfo> &source() const { return m_source; }
    const std::optional<pg::ServerInfo> &target() const { return m_target; }
    const pg::PreflightReport &report() const { return m_report; }

public slots:
    void inspect();
    void cancel();

signals:
    void busyChanged(bool busy);
    void errorTextChanged(const QString &text);
    /** Inspection finished (with results or an error). */
    void inspected();
    /** Selection or backend changed: the report was recomputed from the last inspection. */
    void reportChanged();

private:
    void onJobFinished();
    void setBusy(bool busy);
    void setErrorText(const QString &text);
    void recompute();
    Expected<pg::ConnectionParams> params(const QString &uri, const Secret &password) const;

    QString m_sourceUri;
    QString m_targetUri;
    Secret m_sourcePassword;
    Secret m_targetPassword;
    pg::BackendKind m_backend = pg::BackendKind::Direct;
    QStringList m_selected;
    bool m_busy = false;
    QString m_errorText;
    std::unique_ptr<ThreadJob<pg::ServerInfo>> m_sourceJob;
    std::unique_ptr<ThreadJob<pg::ServerInfo>> m_targetJob;
    std::optional<pg::ServerInfo> m_source;
    std::optional<pg::ServerInfo> m_target;
    pg::PreflightReport m_report;
};

} // namespace fm::ui
