// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/core/logging.h"
#include "engine/core/secret.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace fm;

class TestLogging : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void oneLoggerPerModuleSharedSinks()
    {
        QTemporaryDir dir;
        logging::Options o;
        o.directory = dir.path();
        o.level = spdlog::level::debug;
        logging::init(o);
        auto pg = logging::get("engine.pg");
        auto http = logging::get("engine.http");
        QVERIFY(pg != http);
        QCOMPARE(logging::get("engine.pg"), pg); // same logger on second ask
        const quint64 before = logging::ringBuffer()->lastId();
        pg->info("hello from {}", QStringLiteral("pg"));
        http->warn("hello from http");
        const auto entries = logging::ringBuffer()->entriesSince(before);
        QCOMPARE(entries.size(), size_t(2));
        QCOMPARE(entries[0].logger, QStringLiteral("engine.pg"));
        QCOMPARE(entries[0].message, QStringLiteral("hello from pg"));
        QCOMPARE(entries[1].logger, QStringLiteral("engine.http"));
        QVERIFY(entries[1].id > entries[0].id);

        pg->flush();
        QCOMPARE(logging::logFilePath(), dir.filePath(QStringLiteral("flexmigrate.log")));
        QFile f(logging::logFilePath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        QVERIFY(content.contains("hello from pg"));
        QVERIFY(content.contains("hello from http"));
    }

    void secretsNeverReachSinks()
    {
        QTemporaryDir dir;
        logging::Options o;
        o.directory = dir.path();
        logging::init(o);
        auto log = logging::get("engine.auth");
        Secret s(QStringLiteral("AAD-secret-~7Q8"));
        const quint64 before = logging::ringBuffer()->lastId();
        // A careless line that got the plain text anyway:
        log->info("token request with {} failed; body client_secret={} password=pw-xyz", s.reveal(), s.reveal());
        log->flush();
        const auto entries = logging::ringBuffer()->entriesSince(before);
        QCOMPARE(entries.size(), size_t(1));
        QVERIFY2(!entries[0].message.contains(QLatin1String("AAD-secret")), qPrintable(entries[0].message));
        QVERIFY(!entries[0].message.contains(QLatin1String("pw-xyz")));
        QFile f(logging::logFilePath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        QVERIFY(content.contains("token request with"));
        QVERIFY(!content.contains("AAD-secret"));
        QVERIFY(!content.contains("pw-xyz"));
    }

    void ringBufferIsBounded()
    {
        RingBufferSink ring(3);
        auto logger = std::make_shared<spdlog::logger>("ring-test", std::shared_ptr<RingBufferSink>(&ring, [](RingBufferSink *) {}));
        for (int i = 0; i < 5; ++i)
            logger->info("line {}", i);
        const auto all = ring.entriesSince(0);
        QCOMPARE(all.size(), size_t(3));
        QCOMPARE(all.front().message, QStringLiteral("line 2"));
        QCOMPARE(all.back().message, QStringLiteral("line 4"));
        QCOMPARE(ring.lastId(), quint64(5));
    }

    void defaultDirectoryIsUserData()
    {
        const QString d = logging::defaultDirectory();
        QVERIFY2(d.endsWith(QLatin1String("/logs")), qPrintable(d));
        QVERIFY(d.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)));
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
