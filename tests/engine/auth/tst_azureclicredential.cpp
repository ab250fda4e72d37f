// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// AzureCliCredential against stand-in `az` scripts: arguments, output forms,
// not signed in, failures, garbage, timeout, missing executable, caching.
#include "engine/auth/azureclicredential.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace fm;
using namespace fm::auth;
using namespace fm::http;

namespace {

const QString kScope = QStringLiteral("https://management.core.windows.net/.default");

/** Writes an executable shell script that logs its arguments to <dir>/calls. */
QString writeAz(const QTemporaryDir &dir, const QByteArray &body)
{
    const QString path = dir.filePath(QStringLiteral("az"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("#!/bin/sh\necho \"$@\" >> \"$(dirname \"$0\")/calls\"\n" + body + "\n");
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

Expected<AccessToken> fetch(AzureCliCredential &credential)
{
    QObject context;
    std::optional<Expected<AccessToken>> result;
    credential.getToken({kScope}, &context, [&result](Expected<AccessToken> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return fail(Error::internal(QStringLiteral("test: no answer")));
    return *result;
}

QStringList calls(const QTemporaryDir &dir)
{
    QFile f(dir.filePath(QStringLiteral("calls")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestAzureCliCredential : public QObject
{
    Q_OBJECT

private slots:
    void outcomes_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<QString>("token"); // empty: error expected
        QTest::addColumn<QString>("code");
        QTest::newRow("expires_on epoch")
            << QByteArray(R"(echo '{"accessToken":"cli-token","expiresOn":"2030-01-01 00:00:00.000000","expires_on":1893456000,"subscription":"s","tenant":"t","tokenType":"Bearer"}')")
            << "cli-token" << "";
        QTest::newRow("only expiresOn (old az)") << QByteArray(R"(echo '{"accessToken":"old-cli-token","expiresOn":"2030-01-01 00:00:00.000000","tokenType":"Bearer"}')")
                                                 << "old-cli-token" << "";
        QTest::newRow("not signed in") << QByteArray("echo \"ERROR: Please run 'az login' to setup account.\" >&2; exit 1") << "" << "AzureCliNotLoggedIn";
        QTest::newRow("other failure") << QByteArray("echo 'ERROR: AADSTS70043: The refresh token has expired' >&2; exit 2") << "" << "AzureCliFailed";
        QTest::newRow("garbage output") << QByteArray("echo 'not json'") << "" << "AzureCliBadOutput";
        QTest::newRow("no token field") << QByteArray(R"(echo '{"expires_on":1893456000}')") << "" << "AzureCliBadOutput";
        QTest::newRow("no expiry") << QByteArray(R"(echo '{"accessToken":"x"}')") << "" << "AzureCliBadOutput";
        QTest::newRow("killed") << QByteArray("kill -9 $$") << "" << "AzureCliFailed";
    }
    void outcomes()
    {
        QFETCH(QByteArray, script);
        QFETCH(QString, token);
        QFETCH(QString, code);
        QTemporaryDir dir;
        AzureCliCredential::Options options;
        options.program = writeAz(dir, script);
        AzureCliCredential credential(options);
        const auto result = fetch(credential);
        QCOMPARE(calls(dir), QStringList{QStringLiteral("account get-access-token --resource https://management.core.windows.net --output json")});
        if (!token.isEmpty()) {
            QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toDisplayString()));
            QCOMPARE(result->token.reveal(), token);
            if (token == QLatin1String("cli-token"))
                QCOMPARE(result->expiresOn, QDateTime::fromSecsSinceEpoch(1893456000, Qt::UTC));
            else
                QCOMPARE(result->expiresOn, QDateTime(QDate(2030, 1, 1), QTime(0, 0)).toUTC()); // local time converted
            return;
        }
        QVERIFY(!result);
        QCOMPARE(result.error().code, code);
        QCOMPARE(result.error().category, ErrorCategory::Auth);
        QVERIFY(result.error().fix.contains(QStringLiteral("FLEXMIGRATE_CLIENT_SECRET")));
    }

    void tenantArgument()
    {
        QTemporaryDir dir;
        AzureCliCredential::Options options;
        options.program = writeAz(dir, R"(echo '{"accessToken":"t","expires_on":1893456000}')");
        options.tenantId = QStringLiteral("contoso.onmicrosoft.com");
        AzureCliCredential credential(options);
        QVERIFY(fetch(credential).has_value());
        QCOMPARE(calls(dir).value(0), QStringLiteral("account get-access-token --resource https://management.core.windows.net --output json --tenant contoso.onmicrosoft.com"));
    }

    void cachedAfterFirstCall()
    {
        QTemporaryDir dir;
        AzureCliCredential::Options options;
        options.program = writeAz(dir, R"(echo '{"accessToken":"t","expires_on":1893456000}')");
        AzureCliCredential credential(options);
        QVERIFY(fetch(credential).has_value());
        QVERIFY(fetch(credential).has_value());
        QCOMPARE(calls(dir).size(), 1);
    }

    void timeout()
    {
        QTemporaryDir dir;
        AzureCliCredential::Options options;
        options.program = writeAz(dir, "exec sleep 30");
        options.timeoutMs = 300;
        AzureCliCredential credential(options);
        QElapsedTimer t;
        t.start();
        const auto result = fetch(credential);
        QVERIFY(!result);
        QCOMPARE(result.error().code, QStringLiteral("AzureCliTimeout"));
        QVERIFY(t.elapsed() < 10000);
    }

    void missingExecutable()
    {
        AzureCliCredential::Options options;
        options.program = QStringLiteral("/nonexistent/bin/az");
        AzureCliCredential credential(options);
        const auto result = fetch(credential);
        QVERIFY(!result);
        QCOMPARE(result.error().code, QStringLiteral("AzureCliNotFound"));
    }

    void notOnPath()
    {
        QTemporaryDir empty;
        const QByteArray oldPath = qgetenv("PATH");
        qputenv("PATH", empty.path().toLocal8Bit());
        QVERIFY(AzureCliCredential::findAzureCli().isEmpty());
        AzureCliCredential credential;
        const auto result = fetch(credential);
        qputenv("PATH", oldPath);
        QVERIFY(!result);
        QCOMPARE(result.error().code, QStringLiteral("AzureCliNotFound"));
        QVERIFY(result.error().message.contains(QStringLiteral("not installed or not on PATH")));
        QVERIFY(result.error().fix.contains(QStringLiteral("az login")));
    }
};

QTEST_GUILESS_MAIN(TestAzureCliCredential)
#include "tst_azureclicredential.moc"
