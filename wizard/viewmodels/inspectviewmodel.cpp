// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/viewmodels/inspectviewmodel.h"

#include "engine/core/job.h"

#include <QRegularExpression>
#include <QUrl>

namespace fm::ui {

InspectViewModel::InspectViewModel(QObject *parent) : QObject(parent) {}

InspectViewModel::~InspectViewModel() = default;

void InspectViewModel::setSourceUri(const QString &uri)
{
    m_sourceUri = uri.trimmed();
}

void InspectViewModel::setTargetUri(const QString &uri)
{
    m_targetUri = uri.trimmed();
}

void InspectViewModel::setBackend(pg::BackendKind backend)
{
    if (m_backend == backend)
        return;
    m_backend = backend;
    recompute();
}

void InspectViewModel::setSelectedDatabases(const QStringList &names)
{
    if (m_selected == names)
        return;
    m_selected = names;
    recompute();
}

std::pair<QString, QString> InspectViewModel::splitPassword(const QString &uri)
{
    static const QRegularExpression re(QStringLiteral(R"(^([a-zA-Z][a-zA-Z0-9+.-]*://[^/:@\s]*):([^@\s/]*)@)"));
    const auto m = re.match(uri);
    if (!m.hasMatch())
        return {uri, QString()};
    QString rest = uri;
    rest.replace(m.capturedStart(0), m.capturedLength(0), m.captured(1) + QLatin1Char('@'));
    return {rest, QUrl::fromPercentEncoding(m.captured(2).toUtf8())};
}

Expected<pg::ConnectionParams> InspectViewModel::params(const QString &uri, const Secret &password) const
{
    auto p = pg::ConnectionParams::fromUri(uri);
    if (p && p->password.isEmpty() && !password.isEmpty())
        p->password = password;
    return p;
}

QString InspectViewModel::inputError() const
{
    if (m_sourceUri.isEmpty())
        return tr("Enter the source server's connection URI, e.g. postgresql://admin@host:5432/postgres.");
    if (auto p = pg::ConnectionParams::fromUri(m_sourceUri); !p)
        return tr("Source: %1").arg(p.error().message);
    if (!m_targetUri.isEmpty())
        if (auto p = pg::ConnectionParams::fromUri(m_targetUri); !p)
            return tr("Target: %1").arg(p.error().message);
    return {};
}

void InspectViewModel::inspect()
{
    cancel();
    const QString invalid = inputError();
    if (!invalid.isEmpty()) {
        setErrorText(invalid);
        emit inspected();
        return;
    }
    setErrorText({});
    m_source.reset();
    m_target.reset();
    m_report = {};
    const auto src = *params(m_sourceUri, m_sourcePassword);
    m_sourceJob = std::make_unique<ThreadJob<pg::ServerInfo>>([src](CancelToken &c) { return pg::inspectServer(src, {}, &c); });
    connect(m_sourceJob.get(), &Job::finished, this, &InspectViewModel::onJobFinished);
    if (!m_targetUri.isEmpty()) {
        const auto tgt = *params(m_targetUri, m_targetPassword);
        pg::InspectOptions o;
        o.details = false;
        m_targetJob = std::make_unique<ThreadJob<pg::ServerInfo>>([tgt, o](CancelToken &c) { return pg::inspectServer(tgt, o, &c); });
        connect(m_targetJob.get(), &Job::finished, this, &InspectViewModel::onJobFinished);
    }
    setBusy(true);
    m_sourceJob->start();
    if (m_targetJob)
        m_targetJob->start();
}

void InspectViewModel::cancel()
{
    // Destroying a job cancels it (PQcancel) and joins its thread.
    if (m_sourceJob)
        m_sourceJob->disconnect(this);
    if (m_targetJob)
        m_targetJob->disconnect(this);
    m_sourceJob.reset();
    m_targetJob.reset();
    setBusy(false);
}

void InspectViewModel::onJobFinished()
{
    if ((m_sourceJob && !m_sourceJob->isFinished()) || (m_targetJob && !m_targetJob->isFinished()))
        return;
    QStringList errors;
    if (m_sourceJob->error())
        errors << tr("Source: %1").arg(m_sourceJob->error()->toDisplayString());
    else
        m_source = m_sourceJob->result();
    if (m_targetJob) {
        if (m_targetJob->error())
            errors << tr("Target: %1").arg(m_targetJob->error()->toDisplayString());
        else
            m_target = m_targetJob->result();
    }
    // Keep the jobs until the next inspect: deleting them inside their own signal is unsafe.
    setErrorText(errors.join(QLatin1Char('\n')));
    recompute();
    setBusy(false);
    emit inspected();
}

void InspectViewModel::recompute()
{
    if (!m_source) {
        m_report = {};
        return;
    }
    pg::PreflightInput in;
    in.source = &*m_source;
    in.target = m_target ? &*m_target : nullptr;
    in.databases = m_selected;
    in.backend = m_backend;
    m_report = pg::runPreflight(in);
    emit reportChanged();
}

void InspectViewModel::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

void InspectViewModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    emit errorTextChanged(text);
}

} // namespace fm::ui
