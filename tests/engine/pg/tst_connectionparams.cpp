// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/core/redaction.h"
#include "engine/pg/connectionparams.h"

#include <QFile>
#include <QStandardPaths>
#include <QTest>

using namespace fm;
using namespace fm::pg;

namespace {
QString keyword(const ConnectionParams &p, const char *key)
{
    for (const auto &[k, v] : p.keywords())
        if (k == key)
            return QString::fromUtf8(v);
    return {};
}
} // namespace

class TestConnectionParams : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void parsesUrisAndKeywordStrings_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("db");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::newRow("full uri") << "postgresql://alice:s%40cret@db.example.com:6543/sales?sslmode=require" << "db.example.com" << 6543 << "sales" << "alice" << "s@cret";
        QTest::newRow("short scheme, defaults") << "postgres://bob@localhost" << "localhost" << 5432 << "postgres" << "bob" << "";
        QTest::newRow("keyword string") << "host=10.0.0.5 port=5433 dbname=app user=carol password='a b'" << "10.0.0.5" << 5433 << "app" << "carol" << "a b";
        QTest::newRow("ipv6") << "postgresql://dave@[::1]:5432/x" << "::1" << 5432 << "x" << "dave" << "";
    }
    void parsesUrisAndKeywordStrings()
    {
        QFETCH(QString, input);
        auto p = ConnectionParams::fromUri(input);
        QVERIFY2(p.has_value(), p ? "" : qPrintable(p.error().message));
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, db);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QCOMPARE(p->host, host);
        QCOMPARE(p->port, port);
        QCOMPARE(p->dbname, db);
        QCOMPARE(p->user, user);
        QCOMPARE(p->password.reveal(), password);
        QVERIFY(!p->displayName().contains(QLatin1String("cret")) || password.isEmpty());
    }

    void rejectsBadInputWithSpecificErrors_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << "   " << "EmptyConnectionUri" << "empty";
        QTest::newRow("garbage") << "postgresql://u:pw-leak@host:5432/db?nosuchoption=1" << "InvalidConnectionUri" << "nosuchoption";
        QTest::newRow("two hosts") << "postgresql://u@h1,h2/db" << "MultipleHosts" << "h1,h2";
        QTest::newRow("bad port") << "postgresql://u@h:99999/db" << "InvalidPort" << "99999";
        QTest::newRow("bad sslmode") << "host=h sslmode=sometimes" << "InvalidSslMode" << "sometimes";
    }
    void rejectsBadInputWithSpecificErrors()
    {
        QFETCH(QString, input);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        auto p = ConnectionParams::fromUri(input);
        QVERIFY(!p.has_value());
        QCOMPARE(p.error().code, code);
        QVERIFY(p.error().category == ErrorCategory::Validation);
        QVERIFY2(p.error().message.contains(mentions), qPrintable(p.error().message));
        QVERIFY2(!p.error().toDisplayString().contains(QLatin1String("pw-leak")), qPrintable(p.error().toDisplayString()));
    }

    void azureHostsVerifyWithShippedRoots()
    {
        auto p = ConnectionParams::fromUri(QStringLiteral("postgresql://admin@mysrv.postgres.database.azure.com/postgres"));
        QVERIFY(p);
        QVERIFY(p->isAzureHost());
        QCOMPARE(p->azureServerName(), QStringLiteral("mysrv"));
        QCOMPARE(p->effectiveSslMode(), QStringLiteral("verify-full"));
        const QString bundle = p->effectiveSslRootCert();
        QVERIFY(!bundle.isEmpty());
        QCOMPARE(keyword(*p, "sslrootcert"), bundle);
        QFile f(bundle);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray pem = f.readAll();
        QCOMPARE(pem.count("-----BEGIN CERTIFICATE-----"), 6); // Baltimore, DigiCert G2/Global/G3, Microsoft RSA/ECC 2017

        // An explicit choice wins, and verification-free modes need no bundle.
        auto q = ConnectionParams::fromUri(QStringLiteral("postgresql://admin@mysrv.postgres.database.azure.com/postgres?sslmode=require"));
        QCOMPARE(q->effectiveSslMode(), QStringLiteral("require"));
        QVERIFY(q->effectiveSslRootCert().isEmpty());

        auto local = ConnectionParams::fromUri(QStringLiteral("postgresql://x@db.internal/postgres"));
        QVERIFY(!local->isAzureHost());
        QCOMPARE(local->effectiveSslMode(), QStringLiteral("prefer"));
        QVERIFY(local->effectiveSslRootCert().isEmpty());
    }

    void singleServerUserNames_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("effective");
        QTest::addColumn<QString>("role");
        QTest::newRow("single, bare user gets @server") << "admin" << int(ServerKind::AzureSingleServer) << "admin@mysrv" << "admin";
        QTest::newRow("single, already qualified") << "admin@mysrv" << int(ServerKind::AzureSingleServer) << "admin@mysrv" << "admin";
        QTest::newRow("flexible strips @server") << "admin@mysrv" << int(ServerKind::AzureFlexibleServer) << "admin" << "admin";
        QTest::newRow("flexible bare") << "admin" << int(ServerKind::AzureFlexibleServer) << "admin" << "admin";
        QTest::newRow("unknown keeps as typed") << "admin" << int(ServerKind::Unknown) << "admin" << "admin";
    }
    void singleServerUserNames()
    {
        QFETCH(QString, user);
        QFETCH(int, kind);
        QFETCH(QString, effective);
        QFETCH(QString, role);
        ConnectionParams p;
        p.host = QStringLiteral("mysrv.postgres.database.azure.com");
        p.user = user;
        p.kind = ServerKind(kind);
        QCOMPARE(p.effectiveUser(), effective);
        QCOMPARE(p.roleName(), role);
        QCOMPARE(keyword(p, "user"), effective);
    }

    void qualifiedUserInUriMeansSingleServer()
    {
        auto p = ConnectionParams::fromUri(QStringLiteral("postgresql://admin%40mysrv@mysrv.postgres.database.azure.com/postgres"));
        QVERIFY(p);
        QVERIFY(p->kind == ServerKind::AzureSingleServer);
        QCOMPARE(p->roleName(), QStringLiteral("admin"));
    }

    void passwordOnlyInKeywordsAndEnvironment()
    {
        auto p = ConnectionParams::fromUri(QStringLiteral("postgresql://u:Very-Secret-1@h/db"));
        QVERIFY(p);
        QCOMPARE(keyword(*p, "password"), QStringLiteral("Very-Secret-1"));
        QCOMPARE(p->environment().value(QStringLiteral("PGPASSWORD")), QStringLiteral("Very-Secret-1"));
        QVERIFY(!p->displayName().contains(QLatin1String("Very-Secret-1")));
        // While the Secret lives, any log line carrying it is masked.
        QVERIFY(!redacted(QStringLiteral("oops Very-Secret-1")).contains(QLatin1String("Very-Secret-1")));
        // Keepalives are always on, so long copies notice a dead network.
        QCOMPARE(keyword(*p, "keepalives"), QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(TestConnectionParams)
#include "tst_connectionparams.moc"
