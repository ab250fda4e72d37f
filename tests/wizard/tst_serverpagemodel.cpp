// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "tests/support/fakenetworkaccessmanager.h"
#include "tests/support/pgcluster.h"
#include "wizard/viewmodels/serverpagemodel.h"
#include "wizard/viewmodels/wizardmodel.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace fm;
using namespace fm::ui;
using fm::test::FakeNetworkAccessManager;
using fm::test::FakeResponse;
using fm::test::PgCluster;
using fm::test::RecordedRequest;

namespace {

const QString kSub = QStringLiteral("00000000-0000-0000-0000-000000000001");
const QString kRg = QStringLiteral("/subscriptions/") + kSub + QStringLiteral("/resourceGroups/rg-mig");
const QString kSrc = kRg + QStringLiteral("/providers/Microsoft.DBforPostgreSQL/servers/src-single");
const QString kTgt = kRg + QStringLiteral("/providers/Microsoft.DBforPostgreSQL/flexibleServers/tgt-flex");
const QString kArm = QStringLiteral("https://management.example.test");

http::CloudProfile testProfile()
{
    return http::CloudProfile::custom(QUrl(kArm), QUrl(QStringLiteral("https://login.example.test")), QStringLiteral("https://management.core.windows.net/"));
}

/** AAD + ARM as the emulator answers them: the server GETs carry properties.emulatorEndpoint pointing at a real cluster. */
struct Fixture {
    FakeNetworkAccessManager nam;
    WizardModel wizard{&nam};
    int port = 0;
    int serverStatus = 200;
    int configStatus = 200;
    bool bareTarget = false;

    explicit Fixture(int pgPort) : port(pgPort)
    {
        wizard.setProfile(testProfile());
        CredentialInputs in;
        in.tenantId = QStringLiteral("11111111-2222-3333-4444-555555555555");
        in.clientId = QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
        in.secret = Secret(QStringLiteral("aad-secret-value"));
        wizard.setCredentialInputs(in);
        nam.setHandler([this](const RecordedRequest &r) -> std::optional<FakeResponse> {
            if (r.url.host() == QLatin1String("login.example.test"))
                return FakeResponse::json(200, R"({"token_type":"Bearer","expires_in":3600,"access_token":"tok-1"})");
            const QString path = r.url.path();
            if (serverStatus != 200 && (path == kSrc || path == kTgt))
                return FakeResponse::json(serverStatus, R"({"error":{"code":"ResourceNotFound","message":"The Resource 'Microsoft.DBforPostgreSQL/servers/src-single' under resource group 'rg-mig' was not found."}})");
            const QByteArray endpoint = "127.0.0.1:" + QByteArray::number(port);
            if (path == kSrc)
                return FakeResponse::json(200, R"({"sku":{"name":"GP_Gen5_2","tier":"GeneralPurpose","family":"Gen5","capacity":2},"properties":{"administratorLogin":"postgres","version":"11","sslEnforcement":"Enabled","userVisibleState":"Ready","fullyQualifiedDomainName":"src-single.postgres.database.azure.com","emulatorEndpoint":")"
                                                   + endpoint + R"("},"location":"westeurope","id":")" + kSrc.toUtf8()
                                                   + R"(","name":"src-single","type":"Microsoft.DBforPostgreSQL/servers"})");
            if (path == kSrc + QStringLiteral("/configurations/azure.replication_support") && configStatus != 200)
                return FakeResponse::json(configStatus, R"({"error":{"code":"AuthorizationFailed","message":"The client does not have authorization to perform action 'Microsoft.DBforPostgreSQL/servers/configurations/read'."}})");
            if (path == kSrc + QStringLiteral("/configurations/azure.replication_support"))
                return FakeResponse::json(200, R"({"properties":{"value":"REPLICA","defaultValue":"REPLICA","source":"system-default"},"name":"azure.replication_support"})");
            if (path == kTgt && bareTarget)
                return FakeResponse::json(200, R"({"name":"tgt-flex","location":"northeurope","properties":{"version":"16","state":"Ready"}})");
            if (path == kTgt)
                return FakeResponse::json(200, R"({"sku":{"name":"Standard_D2ds_v5","tier":"GeneralPurpose"},"properties":{"administratorLogin":"postgres","version":"16","minorVersion":"4","state":"Ready","fullyQualifiedDomainName":"tgt-flex.postgres.database.azure.com","emulatorEndpoint":")"
                                                   + endpoint + R"("},"location":"northeurope","id":")" + kTgt.toUtf8()
                                                   + R"(","name":"tgt-flex","type":"Microsoft.DBforPostgreSQL/flexibleServers"})");
            return std::nullopt;
        });
    }
};

bool runTest(ServerPageModel &m)
{
    QSignalSpy spy(&m, &ServerPageModel::tested);
    m.testConnection();
    return spy.count() > 0 || spy.wait(60000);
}

} // namespace

class TstServerPageModel : public QObject
{
    Q_OBJECT
    std::unique_ptr<PgCluster> m_pg;

private slots:
    void initTestCase()
    {
        m_pg = std::make_unique<PgCluster>();
        auto started = m_pg->start();
        QVERIFY2(started.has_value(), started ? "" : qPrintable(started.error().toDisplayString()));
        QVERIFY(m_pg->createDatabase(QStringLiteral("sales")).has_value());
    }
    void cleanupTestCase() { m_pg.reset(); }

    void pastedResourceId_data()
    {
        QTest::addColumn<int>("side");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("source ok") << 0 << kSrc << "";
        QTest::newRow("source without leading slash") << 0 << kSrc.mid(1) << "";
        QTest::newRow("target ok") << 1 << kTgt << "";
        QTest::newRow("empty") << 0 << "" << "The source Single Server's resource id is empty.";
        QTest::newRow("not a guid") << 0 << "/subscriptions/my-sub/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/servers/s1"
                                    << "The source Single Server's resource id '/subscriptions/my-sub/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/servers/s1': "
                                       "The subscription id 'my-sub' is not a GUID.";
        QTest::newRow("no resource group name") << 0 << QStringLiteral("/subscriptions/%1/resourceGroups/").arg(kSub)
                                                << QStringLiteral("The source Single Server's resource id '/subscriptions/%1/resourceGroups/' has no resource group name after /resourceGroups/.").arg(kSub);
        QTest::newRow("portal url") << 0 << "https://portal.azure.com/#@contoso/resource" << "";
        QTest::newRow("flexible as source") << 0 << kTgt << "";
        QTest::newRow("single as target") << 1 << kSrc << "";
    }
    void pastedResourceId()
    {
        QFETCH(int, side);
        QFETCH(QString, text);
        QFETCH(QString, error);
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        ServerPageModel m(&w, side == 0 ? ServerSide::Source : ServerSide::Target);
        const bool ok = m.setResourceId(text);
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        if (tag == QLatin1String("portal url") || tag.endsWith(QLatin1String(" as source")) || tag.endsWith(QLatin1String(" as target"))) {
            // The message names what is wrong; the exact wording belongs to ResourceId (tested there).
            QVERIFY(!ok);
            QVERIFY2(m.resourceIdError().startsWith(side == 0 ? QLatin1String("The source Single Server's resource id") : QLatin1String("The target Flexible Server's resource id")),
                     qPrintable(m.resourceIdError()));
            if (tag.endsWith(QLatin1String(" as source")))
                QVERIFY2(m.resourceIdError().contains(QLatin1String("Microsoft.DBforPostgreSQL/servers")), qPrintable(m.resourceIdError()));
            QCOMPARE(m.inputError(), m.resourceIdError());
            return;
        }
        QCOMPARE(ok, error.isEmpty());
        QCOMPARE(m.resourceIdError(), error);
        if (ok) {
            QCOMPARE(m.subscriptionId(), kSub);
            QCOMPARE(m.resourceGroup(), QStringLiteral("rg-mig"));
            QCOMPARE(m.serverName(), side == 0 ? QStringLiteral("src-single") : QStringLiteral("tgt-flex"));
            QCOMPARE(m.resourceId(), side == 0 ? kSrc : kTgt);
            QCOMPARE(side == 0 ? w.spec().source.resourceId : w.spec().target.resourceId, side == 0 ? kSrc : kTgt);
        } else {
            QCOMPARE(m.inputError(), error);
        }
    }

    void fields_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("subscription ok") << "sub" << kSub << "";
        QTest::newRow("subscription empty") << "sub" << "" << "The subscription id is empty.";
        QTest::newRow("subscription name") << "sub" << "Pay-As-You-Go" << "The subscription id 'Pay-As-You-Go' is not a GUID.";
        QTest::newRow("rg ok") << "rg" << "rg-mig(1)" << "";
        QTest::newRow("rg empty") << "rg" << "" << "The resource group name is empty.";
        QTest::newRow("rg dot") << "rg" << "rg." << "The resource group name 'rg.' ends with '.', which Azure does not allow.";
        QTest::newRow("rg slash") << "rg" << "a/b" << "The resource group name 'a/b' contains '/'; only letters, digits, '_', '-', '.', '(' and ')' are allowed.";
        QTest::newRow("rg long") << "rg" << QString(91, QLatin1Char('r')) << QStringLiteral("The resource group name '%1' is 91 characters long; at most 90 are allowed.").arg(QString(91, QLatin1Char('r')));
        QTest::newRow("server ok") << "server" << "src-1" << "";
        QTest::newRow("server empty") << "server" << "" << "Server name is empty.";
        QTest::newRow("server short") << "server" << "ab" << "Server name 'ab' has 2 characters; Azure PostgreSQL server names have 3 to 63.";
        QTest::newRow("server upper") << "server" << "Src" << "Server name 'Src' contains 'S'; only lowercase letters, digits and '-' are allowed.";
        QTest::newRow("server dash") << "server" << "-src" << "Server name '-src' starts or ends with '-', which Azure does not allow.";
    }
    void fields()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, error);
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        ServerPageModel m(&w, ServerSide::Source);
        if (field == QLatin1String("sub")) {
            m.setSubscriptionId(value);
            QCOMPARE(m.subscriptionIdError(), error);
        } else if (field == QLatin1String("rg")) {
            m.setResourceGroup(value);
            QCOMPARE(m.resourceGroupError(), error);
        } else {
            m.setServerName(value);
            QCOMPARE(m.serverNameError(), error);
        }
    }

    void inputErrors_data()
    {
        QTest::addColumn<bool>("azure");
        QTest::addColumn<QString>("omit");
        QTest::addColumn<QString>("error");
        QTest::newRow("azure complete") << true << "" << "";
        QTest::newRow("no subscription") << true << "sub" << "Enter the source server's subscription id.";
        QTest::newRow("no resource group") << true << "rg" << "Enter the source server's resource group.";
        QTest::newRow("no server") << true << "server" << "Enter the source server's name.";
        QTest::newRow("no user") << true << "user" << "Enter the source server's admin user.";
        QTest::newRow("no password") << true << "password" << "Enter the source admin user's password.";
        QTest::newRow("bad tls") << true << "tls" << "The TLS mode \"strict\" is not one of disable, allow, prefer, require, verify-ca, verify-full.";
        QTest::newRow("bad port") << true << "port" << "The port 70000 is not between 1 and 65535.";
        QTest::newRow("direct complete") << false << "" << "";
        QTest::newRow("direct no host") << false << "host" << "Enter the source server's host, or paste a connection URI.";
    }
    void inputErrors()
    {
        QFETCH(bool, azure);
        QFETCH(QString, omit);
        QFETCH(QString, error);
        FakeNetworkAccessManager nam;
        WizardModel w(&nam);
        w.spec().backend = azure ? migration::Backend::Service : migration::Backend::Direct;
        ServerPageModel m(&w, ServerSide::Source);
        if (omit != QLatin1String("sub"))
            m.setSubscriptionId(kSub);
        if (omit != QLatin1String("rg"))
            m.setResourceGroup(QStringLiteral("rg"));
        if (omit != QLatin1String("server"))
            m.setServerName(QStringLiteral("src"));
        if (omit != QLatin1String("user"))
            m.setAdminUser(QStringLiteral("admin"));
        if (omit != QLatin1String("password"))
            m.setPassword(Secret(QStringLiteral("pw")));
        if (omit != QLatin1String("host"))
            m.setHost(QStringLiteral("db.example.test"));
        if (omit == QLatin1String("tls"))
            m.setSslMode(QStringLiteral("strict"));
        if (omit == QLatin1String("port"))
            m.setPort(70000);
        QCOMPARE(m.inputError(), error);
        QSignalSpy spy(&m, &ServerPageModel::tested);
        if (!error.isEmpty()) {
            m.testConnection();
            QCOMPARE(spy.count(), 1);
            QCOMPARE(m.errorText(), error);
            QVERIFY(!m.isComplete());
            QCOMPARE(nam.requests().size(), 0);
        }
    }

    void connectionUri_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("db");
        QTest::addColumn<QString>("ssl");
        QTest::addColumn<bool>("password");
        QTest::newRow("full") << "postgresql://admin:s%40cret@db.example.test:6543/sales?sslmode=require" << "db.example.test" << 6543 << "admin"
                              << "sales" << "require" << true;
        QTest::newRow("no password") << "postgres://bob@10.0.0.5/app" << "10.0.0.5" << 5432 << "bob" << "app" << "" << false;
    }
    void connectionUri()
    {
        QFETCH(QString, uri);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, user);
        QFETCH(QString, db);
        QFETCH(QString, ssl);
        QFETCH(bool, password);
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        w.spec().backend = migration::Backend::Direct;
        ServerPageModel m(&w, ServerSide::Source);
        QVERIFY(m.setConnectionUri(uri));
        QCOMPARE(m.connectionUriError(), QString());
        QCOMPARE(m.host(), host);
        QCOMPARE(m.port(), port);
        QCOMPARE(m.adminUser(), user);
        QCOMPARE(m.database(), db);
        QCOMPARE(m.sslMode(), ssl);
        QCOMPARE(m.hasPassword(), password);
        if (password)
            QCOMPARE(w.sourcePassword.reveal(), QStringLiteral("s@cret"));
        // The spec keeps the endpoint, never the password.
        QCOMPARE(w.spec().source.host, host);
        QCOMPARE(w.spec().source.port, port);
        QCOMPARE(w.spec().source.passwordRef, QString());
        QVERIFY(!w.spec().toDraft().contains(QStringLiteral("s@cret")));
    }

    void badConnectionUri()
    {
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        w.spec().backend = migration::Backend::Direct;
        ServerPageModel m(&w, ServerSide::Source);
        QVERIFY(!m.setConnectionUri(QStringLiteral("postgresql://admin:hunter2@db.example.test:notaport/x")));
        QVERIFY(!m.connectionUriError().isEmpty());
        QVERIFY(!m.connectionUriError().contains(QLatin1String("hunter2")));
        QCOMPARE(m.inputError(), m.connectionUriError());
    }

    void sourceAzure()
    {
        Fixture f(m_pg->port());
        ServerPageModel m(&f.wizard, ServerSide::Source);
        QVERIFY(m.setResourceId(kSrc));
        m.setAdminUser(QStringLiteral("postgres"));
        m.setPassword(m_pg->password());
        m.setSslMode(QStringLiteral("disable"));
        QSignalSpy busy(&m, &ServerPageModel::busyChanged);
        QVERIFY(runTest(m));
        QVERIFY2(m.errorText().isEmpty(), qPrintable(m.errorText()));
        QVERIFY(m.isTested());
        QVERIFY(m.isComplete());
        QCOMPARE(busy.count(), 2);

        QVERIFY(m.armFacts().has_value());
        QCOMPARE(m.armFacts()->name, QStringLiteral("src-single"));
        QCOMPARE(m.armFacts()->version, QStringLiteral("11"));
        QCOMPARE(m.armFacts()->location, QStringLiteral("westeurope"));
        QCOMPARE(m.armFacts()->fqdn, QStringLiteral("src-single.postgres.database.azure.com"));
        QCOMPARE(m.armFacts()->replicationSupport, QStringLiteral("replica"));
        QVERIFY(m.armFacts()->logicalReplicationPossible);
        QCOMPARE(m.armFacts()->emulatorEndpoint, QStringLiteral("127.0.0.1:%1").arg(m_pg->port()));

        // libpq reached the real cluster: its version wins over ARM's.
        QVERIFY(m.serverInfo().has_value());
        QCOMPARE(m.serverInfo()->majorVersion(), m_pg->majorVersion());
        QCOMPARE(m.majorVersion(), m_pg->majorVersion());
        QVERIFY(m.serverInfo()->database(QStringLiteral("sales")) != nullptr);
        QVERIFY(!m.preflight().checks.isEmpty());
        QVERIFY(!m.preflight().withId(QStringLiteral("source.wal-level")).isEmpty());
        QVERIFY(f.wizard.sourceInfo().has_value());
        QCOMPARE(f.wizard.sourceMajorVersion(), m_pg->majorVersion());

        QCOMPARE(f.wizard.spec().source.resourceId, kSrc);
        QCOMPARE(f.wizard.spec().source.user, QStringLiteral("postgres"));
        QCOMPARE(f.wizard.spec().source.sslMode, QStringLiteral("disable"));
        QCOMPARE(f.wizard.spec().source.passwordRef, QString());

        const auto &r = f.nam.requests();
        QCOMPARE(r.size(), 3);
        QCOMPARE(r[0].url.host(), QStringLiteral("login.example.test"));
        QCOMPARE(r[1].method, QByteArray("GET"));
        QCOMPARE(r[1].url.toString(), kArm + kSrc + QStringLiteral("?api-version=2017-12-01"));
        QCOMPARE(r[2].url.toString(), kArm + kSrc + QStringLiteral("/configurations/azure.replication_support?api-version=2017-12-01"));
        for (const auto &req : r)
            QVERIFY(!req.body.contains(m_pg->password().reveal().toUtf8()));

        // Editing an input resets the result.
        m.setAdminUser(QStringLiteral("other"));
        QVERIFY(!m.isComplete());
        QVERIFY(!m.serverInfo().has_value());
    }

    void armNotFound()
    {
        Fixture f(m_pg->port());
        f.serverStatus = 404;
        ServerPageModel m(&f.wizard, ServerSide::Source);
        QVERIFY(m.setResourceId(kSrc));
        m.setAdminUser(QStringLiteral("postgres"));
        m.setPassword(m_pg->password());
        QVERIFY(runTest(m));
        QVERIFY2(m.errorText().startsWith(QLatin1String("ARM lookup of the source server failed: ")), qPrintable(m.errorText()));
        QVERIFY2(m.errorText().contains(QLatin1String("was not found")), qPrintable(m.errorText()));
        QVERIFY(!m.isComplete());
        QVERIFY(!m.serverInfo().has_value());
        QVERIFY(!f.wizard.sourceInfo().has_value());
    }

    void replicationSupportUnreadable()
    {
        Fixture f(m_pg->port());
        f.configStatus = 403;
        ServerPageModel m(&f.wizard, ServerSide::Source);
        QVERIFY(m.setResourceId(kSrc));
        m.setAdminUser(QStringLiteral("postgres"));
        m.setPassword(m_pg->password());
        QVERIFY(runTest(m));
        QVERIFY2(m.errorText().startsWith(QLatin1String("Reading azure.replication_support of the source failed: ")), qPrintable(m.errorText()));
        QVERIFY(m.errorText().contains(QLatin1String("configurations/read")));
        QVERIFY(!m.isComplete());
        QVERIFY(!m.serverInfo().has_value()); // libpq is not tried after a failed lookup
    }

    void noHostFromArm()
    {
        Fixture f(m_pg->port());
        f.bareTarget = true;
        ServerPageModel m(&f.wizard, ServerSide::Target);
        QVERIFY(m.setResourceId(kTgt));
        m.setAdminUser(QStringLiteral("postgres"));
        m.setPassword(m_pg->password());
        QVERIFY(runTest(m));
        QCOMPARE(m.errorText(), QStringLiteral("ARM did not report the target server's host name."));
        QVERIFY(!m.isComplete());
        // A host typed on the page is used instead (e.g. a private endpoint's name).
        m.setHost(QStringLiteral("127.0.0.1"));
        m.setPort(m_pg->port());
        m.setSslMode(QStringLiteral("disable"));
        QVERIFY(runTest(m));
        QVERIFY2(m.errorText().isEmpty(), qPrintable(m.errorText()));
        QVERIFY(m.isComplete());
    }

    void noCredential()
    {
        Fixture f(m_pg->port());
        f.wizard.setCredentialFactory([](QNetworkAccessManager *, const http::CloudProfile &, const CredentialInputs &)
                                          -> Expected<std::shared_ptr<http::TokenCredential>> {
            return fail(Error::validation(QStringLiteral("MissingTenantId"), QStringLiteral("The tenant id is missing.")));
        });
        ServerPageModel m(&f.wizard, ServerSide::Source);
        QVERIFY(m.setResourceId(kSrc));
        m.setAdminUser(QStringLiteral("postgres"));
        m.setPassword(m_pg->password());
        QVERIFY(runTest(m));
        QVERIFY2(m.errorText().startsWith(QLatin1String("The ARM lookup needs the AAD app: ")), qPrintable(m.errorText()));
        QVERIFY(m.errorText().contains(QLatin1String("The tenant id is missing.")));
    }

    void wrongPassword()
    {
        Fixture f(m_pg->port());
        ServerPageModel m(&f.wizard, ServerSide::Source);
        QVERIFY(m.setResourceId(kSrc));
        m.setAdminUser(QStringLiteral("postgres"));
        m.setPassword(Secret(QStringLiteral("definitely-wrong-pw")));
        m.setSslMode(QStringLiteral("disable"));
        QVERIFY(runTest(m));
        QVERIFY2(m.errorText().startsWith(QLatin1String("Connecting to the source server failed: ")), qPrintable(m.errorText()));
        QVERIFY(!m.errorText().contains(QLatin1String("definitely-wrong-pw")));
        QVERIFY(m.armFacts().has_value()); // ARM part worked and is still shown
        QVERIFY(!m.isComplete());
    }

    void targetVersion_data()
    {
        QTest::addColumn<int>("sourceDelta");
        QTest::addColumn<bool>("blocked");
        QTest::newRow("same major") << 0 << false;
        QTest::newRow("source older") << -1 << false;
        QTest::newRow("source newer") << 1 << true;
    }
    void targetVersion()
    {
        QFETCH(int, sourceDelta);
        QFETCH(bool, blocked);
        Fixture f(m_pg->port());
        const int major = m_pg->majorVersion();
        f.wizard.setSourceMajorVersion(major + sourceDelta);
        ServerPageModel m(&f.wizard, ServerSide::Target);
        QVERIFY(m.setResourceId(kTgt));
        m.setAdminUser(QStringLiteral("postgres"));
        m.setPassword(m_pg->password());
        m.setSslMode(QStringLiteral("disable"));
        QVERIFY(runTest(m));
        QVERIFY2(m.errorText().isEmpty(), qPrintable(m.errorText()));
        QCOMPARE(m.armFacts()->version, QStringLiteral("16"));
        QCOMPARE(m.armFacts()->location, QStringLiteral("northeurope"));
        QCOMPARE(f.wizard.spec().location, QStringLiteral("northeurope"));
        QCOMPARE(m.majorVersion(), major);
        QVERIFY(f.wizard.targetInfo().has_value());
        QCOMPARE(f.nam.requests().last().url.toString(), kArm + kTgt + QStringLiteral("?api-version=2024-08-01"));
        QCOMPARE(m.isComplete(), !blocked);
        if (blocked) {
            QCOMPARE(m.versionBlockReason(),
                     QStringLiteral("The target runs PostgreSQL %1, older than the source's %2: a migration can only go to the same or a newer major version. "
                                    "Choose a target server with PostgreSQL %2 or later.")
                         .arg(major)
                         .arg(major + 1));
            // The source page reporting an older source unblocks it without a new test.
            f.wizard.setSourceMajorVersion(major);
            QVERIFY(m.isComplete());
        } else {
            QCOMPARE(m.versionBlockReason(), QString());
        }
    }

    void direct()
    {
        FakeNetworkAccessManager nam;
        WizardModel w(&nam);
        w.spec().backend = migration::Backend::Direct;
        ServerPageModel m(&w, ServerSide::Source);
        QVERIFY(m.setConnectionUri(m_pg->uri(QStringLiteral("sales"))));
        QVERIFY(m.hasPassword());
        QVERIFY(runTest(m));
        QVERIFY2(m.errorText().isEmpty(), qPrintable(m.errorText()));
        QVERIFY(m.isComplete());
        QVERIFY(!m.armFacts().has_value());
        QCOMPARE(m.serverInfo()->majorVersion(), m_pg->majorVersion());
        QCOMPARE(w.spec().source.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(w.spec().source.port, m_pg->port());
        QCOMPARE(w.spec().source.resourceId, QString());
        QCOMPARE(nam.requests().size(), 0); // no ARM for the direct backend
    }
};

QTEST_GUILESS_MAIN(TstServerPageModel)
#include "tst_serverpagemodel.moc"
