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

    QString m_sourceUri;
    QString m_targetUri;
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
