// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// `flexmigrate migration ...` end to end in-process: a loopback HTTP server plays
// AAD (token endpoint) and ARM; the test asserts exit codes and the exact
// requests (method, path with api-version, body). Bad input must exit 2 and
// send nothing.
#include "app/cli/cli.h"
#include "engine/arm/jsonutil.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>

using namespace fm;

namespace {

struct Seen {
    QByteArray method;
    QByteArray path;
    QByteArray authorization;
    QByteArray body;
};

/** Minimal HTTP/1.1 server on 127.0.0.1 (keep-alive, Content-Length bodies) answering from a handler. */
class FakeAzure : public QObject
{
public:
    using Handler = std::function<std::pair<int, QByteArray>(const Seen &)>;
    explicit FakeAzure(Handler handler) : m_handler(std::move(handler))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { serve(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    QList<Seen> seen;

private:
    void serve(QTcpSocket *s)
    {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        for (;;) {
            const qsizetype end = buf.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buf.left(end).split('\n');
            qsizetype length = 0;
            Seen r;
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            r.method = first.value(0);
            r.path = first.value(1);
            for (const auto &l : lines.mid(1)) {
                const qsizetype colon = l.indexOf(':');
                const QByteArray name = l.left(colon).trimmed().toLower();
                if (name == "content-length")
                    length = l.mid(colon + 1).trimmed().toLongLong();
                if (name == "authorization")
                    r.authorization = l.mid(colon + 1).trimmed();
            }
            if (buf.size() < end + 4 + length)
                return;
            r.body = buf.mid(end + 4, length);
            buf.remove(0, end + 4 + length);
            seen.append(r);
            const auto [status, body] = m_handler(r);
            QByteArray reply = "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nx-ms-request-id: req-cli\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body;
            s->write(reply);
        }
    }
    QTcpServer m_server;
    Handler m_handler;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

QByteArray data(const char *name)
{
    QFile f(QStringLiteral(FM_TEST_DATA_DIR "/arm/") + QLatin1String(name));
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

std::pair<int, QByteArray> route(const Seen &r)
{
    if (r.path.contains("/oauth2/v2.0/token"))
        return {200, R"({"token_type":"Bearer","expires_in":3599,"access_token":"cli-token"})"};
    if (r.path.contains("/checkMigrationNameAvailability"))
        return {200, data("checkname-taken.json")};
    if (r.path.contains("/migrations?") && r.method == "GET")
        return {200, data("migration-list-2021.json")};
    if (r.path.contains("/migrations/nope"))
        return {404, data("error-notfound.json")};
    if (r.path.contains("/migrations/")) {
        if (r.method == "PUT")
            return {201, data("migration-create-2024-response.json")};
        if (r.method == "DELETE")
            return {204, {}};
        return {200, data("migration-get-2024-waitingforcutover.json")};
    }
    if (r.path.contains("/flexibleServers/tgt?"))
        return {200, data("flexibleserver-get.json")};
    return {404, R"({"error":{"code":"NoRoute","message":"fake azure: no route"}})"};
}

} // namespace

class TestMigrationCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { qputenv("FLEXMIGRATE_CLIENT_SECRET", "cli-Secret-xyz"); }

    void run_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("requests"); // ARM requests only ("METHOD path"); the token request is not listed
        QTest::addColumn<QString>("lastBody");
        const QString t = QStringLiteral("/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/tgt");
        const QString v24 = QStringLiteral("?api-version=2024-08-01"), v21 = QStringLiteral("?api-version=2021-06-15-privatepreview");
        const QString props = QStringLiteral(FM_TEST_DATA_DIR "/arm/properties/");
        QTest::newRow("list") << QStringList{"list"} << 0 << QStringList{"GET " + t + "/migrations" + v24 + "&migrationListFilter=Active"} << "";
        QTest::newRow("list all 2021") << QStringList{"list", "--filter", "All", "--api-version", "2021-06-15-privatepreview"} << 0
                                       << QStringList{"GET " + t + "/migrations" + v21 + "&migrationListFilter=All"} << "";
        QTest::newRow("show --details --json") << QStringList{"show", "--migration-name", "mig1", "--details", "--json"} << 0 << QStringList{"GET " + t + "/migrations/mig1" + v24} << "";
        QTest::newRow("show 404") << QStringList{"show", "--migration-name", "nope"} << 1 << QStringList{"GET " + t + "/migrations/nope" + v24} << "";
        QTest::newRow("create new format") << QStringList{"create", "--migration-name", "m2", "--properties", props + "new-public.json"} << 0
                                           << QStringList{"PUT " + t + "/migrations/m2" + v24} << "sourceServerUsername";
        QTest::newRow("create old format, location from target") << QStringList{"create", "--migration-name", "m3", "--properties", props + "old-doc.json"} << 0
                                                                 << QStringList{"GET " + t + v24, "PUT " + t + "/migrations/m3" + v21} << "aadApp";
        QTest::newRow("create online override") << QStringList{"create", "--migration-name", "m4", "--properties", props + "new-onprem.json", "--migration-mode", "online"} << 0
                                                << QStringList{"PUT " + t + "/migrations/m4" + v24} << "\"migrationMode\":\"Online\"";
        QTest::newRow("update cutover (GET then PATCH)") << QStringList{"update", "--migration-name", "mig1", "--cutover"} << 0
                                                         << QStringList{"GET " + t + "/migrations/mig1" + v24, "PATCH " + t + "/migrations/mig1" + v24}
                                                         << "\"dbsToTriggerCutoverOn\":[\"db1\"]";
        QTest::newRow("update db names az style") << QStringList{"update", "--migration-name", "mig1", "--db-names", "a", "b"} << 0
                                                  << QStringList{"PATCH " + t + "/migrations/mig1" + v24} << "\"dbsToMigrate\":[\"a\",\"b\"]";
        QTest::newRow("update start 2021") << QStringList{"update", "--migration-name", "mig1", "--start-data-migration", "--api-version", "2021-06-15-privatepreview"} << 0
                                           << QStringList{"PATCH " + t + "/migrations/mig1" + v21} << "\"startDataMigration\":true";
        QTest::newRow("delete") << QStringList{"delete", "--migration-name", "mig1", "--yes"} << 0 << QStringList{"DELETE " + t + "/migrations/mig1" + v24} << "";
        QTest::newRow("check name") << QStringList{"check-name-availability", "--migration-name", "mig1"} << 0
                                    << QStringList{"POST " + t + "/checkMigrationNameAvailability" + v24} << "\"name\":\"mig1\"";
        // Bad input: exit 2, nothing sent.
        QTest::newRow("no subcommand") << QStringList{} << 2 << QStringList{} << "";
        QTest::newRow("unknown subcommand") << QStringList{"start"} << 2 << QStringList{} << "";
        QTest::newRow("two updates") << QStringList{"update", "--migration-name", "m", "--cutover", "--cancel"} << 2 << QStringList{} << "";
        QTest::newRow("no update") << QStringList{"update", "--migration-name", "m"} << 2 << QStringList{} << "";
        QTest::newRow("cancel on 2021") << QStringList{"update", "--migration-name", "m", "--cancel", "--api-version", "2021-06-15-privatepreview"} << 2 << QStringList{} << "";
        QTest::newRow("delete without --yes") << QStringList{"delete", "--migration-name", "m"} << 2 << QStringList{} << "";
        QTest::newRow("show without name") << QStringList{"show"} << 2 << QStringList{} << "";
        QTest::newRow("bad migration name") << QStringList{"show", "--migration-name", "a/b"} << 2 << QStringList{} << "";
        QTest::newRow("option of another subcommand") << QStringList{"list", "--cutover"} << 2 << QStringList{} << "";
        QTest::newRow("bad api-version") << QStringList{"list", "--api-version", "2019-01-01"} << 2 << QStringList{} << "";
        QTest::newRow("old file on 2024") << QStringList{"create", "--properties", props + "old-doc.json", "--api-version", "2024-08-01"} << 2 << QStringList{} << "";
        QTest::newRow("missing properties file") << QStringList{"create", "--properties", "/nonexistent/p.json"} << 2 << QStringList{} << "";
        QTest::newRow("secret on the command line") << QStringList{"list", "--client-secret", "zzz"} << 2 << QStringList{} << "";
    }

    void run()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QStringList, requests);
        QFETCH(QString, lastBody);
        FakeAzure azure(&route);
        QStringList argv{QStringLiteral("migration")};
        argv << args;
        if (!args.isEmpty())
            argv << QStringList{"--subscription", "ffffffff-ffff-ffff-ffff-ffffffffffff", "-g", "rg", "-n", "tgt", "--cloud", "custom", "--arm-endpoint", azure.url(),
                                "--authority-host", azure.url(), "--tenant-id", "72f988bf-86f1-41af-91ab-2d7cd011db47", "--client-id",
                                "11111111-2222-3333-4444-555555555555"};
        QCOMPARE(cli::runMigration(argv), exitCode);
        QStringList arm;
        QByteArray body;
        for (const auto &r : azure.seen) {
            if (r.path.contains("/oauth2/")) {
                QVERIFY(r.body.contains("client_secret=cli-Secret-xyz")); // the env secret reached the token endpoint only
                continue;
            }
            QCOMPARE(r.authorization, QByteArray("Bearer cli-token"));
            QVERIFY(!r.body.contains("cli-Secret-xyz"));
            arm << QString::fromLatin1(r.method + ' ' + r.path);
            if (!r.body.isEmpty())
                body = r.body;
        }
        QCOMPARE(arm, requests);
        if (!lastBody.isEmpty())
            QVERIFY2(body.contains(lastBody.toUtf8()), body.constData());
        if (requests.isEmpty())
            QCOMPARE(azure.seen.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMigrationCli)
#include "tst_migrationcli.moc"
