// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/core/job.h"

#include <QMetaObject>
#include <QThread>

namespace fm {

Job::Job(QObject *parent) : QObject(parent) {}

Job::~Job() = default;

void Job::start()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Starting;
    QMetaObject::invokeMethod(this, [this] {
        if (m_state != State::Starting)
            return; // cancelled before it ran
        m_state = State::Running;
        doStart();
    }, Qt::QueuedConnection);
}

void Job::cancel()
{
    switch (m_state) {
    case State::Idle:
    case State::Starting:
        finish(Error::cancelled());
        break;
    case State::Running:
        doCancel();
        break;
    case State::Finished:
        break;
    }
}

void Job::finish(std::optional<Error> error)
{
    if (m_state == State::Finished)
        return;
    m_state = State::Finished;
    m_error = std::move(error);
    emit finished();
}

ThreadJobBase::ThreadJobBase(QObject *parent) : Job(parent), m_token(std::make_shared<CancelToken>()) {}

ThreadJobBase::~ThreadJobBase()
{
    stopWorker();
}

void ThreadJobBase::doStart()
{
    m_thread = QThread::create([this] { runInThread(); });
    m_thread->setObjectName(QStringLiteral("fm-job"));
    connect(m_thread, &QThread::finished, this, [this] {
        if (!m_thread)
            return;
        m_thread->deleteLater();
        m_thread = nullptr;
        deliver();
    }, Qt::QueuedConnection);
    m_thread->start();
}

void ThreadJobBase::doCancel()
{
    m_token->cancel();
}

void ThreadJobBase::stopWorker()
{
    if (!m_thread)
        return;
    m_token->cancel();
    m_thread->wait();
    QObject::disconnect(m_thread, nullptr, this, nullptr);
    delete m_thread;
    m_thread = nullptr;
}

} // namespace fm
