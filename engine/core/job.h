// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/canceltoken.h"
#include "engine/core/expected.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace fm {

/**
 * @brief One asynchronous operation. Started by a queued call, finishes exactly
 * once through finished(), and destroying it aborts the work.
 *
 * Pattern from QtKeychain's Job and Qt Creator's NetworkQuery. Subclasses
 * implement doStart() and doCancel() and call finish() once.
 */
class Job : public QObject
{
    Q_OBJECT
public:
    explicit Job(QObject *parent = nullptr);
    ~Job() override;

    /** Queues the start; finished() is never emitted from inside start(). */
    void start();
    /** Asks the work to stop; finished() still comes, with a Cancelled error. */
    void cancel();

    bool isRunning() const { return m_state == State::Running; }
    bool isFinished() const { return m_state == State::Finished; }
    /** Valid after finished(): the error, when the job failed or was cancelled. */
    const std::optional<Error> &error() const { return m_error; }

signals:
    void finished();

protected:
    virtual void doStart() = 0;
    virtual void doCancel() {}
    /** Ends the job; a second call is ignored, so races between cancel and completion are harmless. */
    void finish(std::optional<Error> error = std::nullopt);

private:
    enum class State { Idle, Starting, Running, Finished };
    State m_state = State::Idle;
    std::optional<Error> m_error;
};

/**
 * @brief Runs blocking work (libpq) on its own thread; the result crosses back as a value.
 *
 * cancel() and the destructor fire the CancelToken, which the work polls and
 * which runs registered cancellers such as PQcancel. The destructor joins the
 * thread, so a worker never outlives its job.
 */
class ThreadJobBase : public Job
{
    Q_OBJECT
public:
    explicit ThreadJobBase(QObject *parent = nullptr);
    ~ThreadJobBase() override;

    CancelToken &cancelToken() const { return *m_token; }

protected:
    void doStart() override;
    void doCancel() override;
    /** Runs on the worker thread. */
    virtual void runInThread() = 0;
    /** Runs on the job's thread after runInThread() returned. */
    virtual void deliver() = 0;
    /** Cancels and joins; derived destructors call it before their members go away. */
    void stopWorker();

private:
    CancelTokenPtr m_token;
    QThread *m_thread = nullptr;
};

template<typename T>
class ThreadJob final : public ThreadJobBase
{
public:
    using Work = std::function<Expected<T>(CancelToken &cancel)>;
    explicit ThreadJob(Work work, QObject *parent = nullptr) : ThreadJobBase(parent), m_work(std::move(work)) {}
    ~ThreadJob() override { stopWorker(); }

    /** After finished() with no error(). */
    const T &result() const { return **m_outcome; }

private:
    void runInThread() override { m_outcome = m_work(cancelToken()); }
    void deliver() override
    {
        if (cancelToken().isCancelled())
            finish(Error::cancelled());
        else if (!m_outcome)
            finish(Error::internal(QStringLiteral("The worker ended without a result.")));
        else if (!m_outcome->has_value())
            finish(m_outcome->error());
        else
            finish();
    }
    Work m_work;
    std::optional<Expected<T>> m_outcome;
};

} // namespace fm
