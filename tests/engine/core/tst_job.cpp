// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/core/job.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <thread>

using namespace fm;

class TestJob : public QObject
{
    Q_OBJECT
private slots:
    void deliversValueOnCallerThread()
    {
        QThread *worker = nullptr;
        ThreadJob<int> job([&worker](CancelToken &) -> Expected<int> {
            worker = QThread::currentThread();
            return 42;
        });
        QSignalSpy spy(&job, &Job::finished);
        QThread *deliveredOn = nullptr;
        connect(&job, &Job::finished, this, [&] { deliveredOn = QThread::currentThread(); });
        job.start();
        QCOMPARE(spy.count(), 0); // never finishes inside start()
        QVERIFY(spy.wait(5000));
        QCOMPARE(spy.count(), 1);
        QVERIFY(!job.error());
        QCOMPARE(job.result(), 42);
        QVERIFY(worker != QThread::currentThread());
        QCOMPARE(deliveredOn, QThread::currentThread());
    }

    void errorsArriveAsValues()
    {
        ThreadJob<int> job([](CancelToken &) -> Expected<int> {
            return fail(Error::make(ErrorCategory::Postgres, QStringLiteral("42P01"), QStringLiteral("no table")));
        });
        QSignalSpy spy(&job, &Job::finished);
        job.start();
        QVERIFY(spy.wait(5000));
        QVERIFY(job.error());
        QCOMPARE(job.error()->code, QStringLiteral("42P01"));
    }

    void cancelRunsCancellerAndFinishesOnce()
    {
        std::atomic<bool> cancellerRan{false};
        std::atomic<bool> started{false};
        ThreadJob<int> job([&](CancelToken &token) -> Expected<int> {
            CancelRegistration reg(&token, [&] { cancellerRan = true; });
            started = true;
            while (!token.isCancelled())
                QThread::msleep(5);
            return fail(Error::cancelled());
        });
        QSignalSpy spy(&job, &Job::finished);
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(started.load(), 5000);
        job.cancel();
        job.cancel(); // a second cancel is harmless
        QVERIFY(spy.wait(5000));
        QTest::qWait(50);
        QCOMPARE(spy.count(), 1);
        QVERIFY(cancellerRan.load());
        QVERIFY(job.error() && job.error()->isCancelled());
    }

    void cancelBeforeStartFinishesWithoutRunning()
    {
        std::atomic<bool> ran{false};
        ThreadJob<int> job([&](CancelToken &) -> Expected<int> {
            ran = true;
            return 1;
        });
        QSignalSpy spy(&job, &Job::finished);
        job.start();
        job.cancel();
        QCOMPARE(spy.count(), 1);
        QTest::qWait(50);
        QVERIFY(!ran.load());
        QCOMPARE(spy.count(), 1);
    }

    void destroyingAbortsAndJoins()
    {
        std::atomic<bool> exited{false};
        {
            auto job = std::make_unique<ThreadJob<int>>([&](CancelToken &token) -> Expected<int> {
                while (!token.isCancelled())
                    QThread::msleep(5);
                exited = true;
                return 0;
            });
            job->start();
            QTest::qWait(50);
        }
        QVERIFY(exited.load()); // the destructor joined the worker
    }

    // A registration's end waits for its callback if cancel() runs it right then
    // on another thread: the callback's captures (a scope's locals) stay valid.
    // Before, remove() returned at once and the callback ran on freed locals.
    void registrationEndWaitsForARunningCallback()
    {
        CancelToken token;
        std::atomic<bool> inCallback{false}, callbackDone{false}, removedBeforeDone{false};
        auto registration = std::make_unique<CancelRegistration>(&token, [&] {
            inCallback = true;
            QThread::msleep(300);
            callbackDone = true;
        });
        std::thread canceller([&] { token.cancel(); });
        while (!inCallback)
            QThread::msleep(1);
        registration.reset(); // remove() while the callback sleeps
        removedBeforeDone = !callbackDone;
        canceller.join();
        QVERIFY(!removedBeforeDone.load());
        QVERIFY(callbackDone.load());
    }

    void callbackMayEndItsOwnRegistration()
    {
        CancelToken token;
        std::unique_ptr<CancelRegistration> registration;
        bool ran = false;
        registration = std::make_unique<CancelRegistration>(&token, [&] {
            ran = true;
            registration.reset(); // same thread: must not wait for itself
        });
        token.cancel();
        QVERIFY(ran);
        QVERIFY(!registration);
    }

    void removedCallbackDoesNotRun()
    {
        CancelToken token;
        bool ran = false;
        {
            CancelRegistration r(&token, [&] { ran = true; });
        }
        token.cancel();
        QVERIFY(!ran);
    }
};

QTEST_GUILESS_MAIN(TestJob)
#include "tst_job.moc"
