// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "tests/support/fakenetworkaccessmanager.h"
#include "wizard/viewmodels/optionspagemodel.h"
#include "wizard/viewmodels/wizardmodel.h"

#include <QSignalSpy>
#include <QTest>

using namespace fm;
using namespace fm::ui;
using fm::test::FakeNetworkAccessManager;
using fm::test::FakeResponse;
using fm::test::RecordedRequest;

namespace {
const QString kTgt = QStringLiteral("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/tgt");
}

class TstOptionsPageModel : public QObject
{
    Q_OBJECT
private slots:
    void name_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("error");
        QTest::newRow("ok") << "sales-move-1" << "";
        QTest::newRow("uuid") << "2f1c0b7e-7d0c-4b8e-9d38-2f5c0a2f9d11" << "";
        QTest::newRow("empty") << "" << "Give the migration a name (letters, digits and '-').";
        QTest::newRow("blank") << "   " << "Give the migration a name (letters, digits and '-').";
        QTest::newRow("underscore") << "sales_move" << "The migration name 'sales_move' contains '_'; only letters, digits and '-' are allowed.";
        QTest::newRow("leading dash") << "-move" << "The migration name '-move' starts with '-'; it must start with a letter or digit.";
        QTest::newRow("too long") << QString(129, QLatin1Char('a')) << "The migration name is 129 characters long; use at most 128.";
    }
    void name()
    {
        QFETCH(QString, name);
        QFETCH(QString, error);
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        OptionsPageModel m(&w);
        m.setName(name);
        QCOMPARE(m.nameError(), error);
        QCOMPARE(m.errorText(), error);
        QCOMPARE(m.isComplete(), error.isEmpty());
        QCOMPARE(w.spec().name, name.trimmed());
    }

    void dmsSubnet_data()
    {
        QTest::addColumn<int>("backend");
        QTest::addColumn<QString>("subnet");
        QTest::addColumn<bool>("error");
        const QString ok = QStringLiteral("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/dms");
        QTest::newRow("dms ok") << int(migration::Backend::Dms) << ok << false;
        QTest::newRow("dms missing") << int(migration::Backend::Dms) << QString() << true;
        QTest::newRow("dms not a subnet") << int(migration::Backend::Dms) << kTgt << true;
        QTest::newRow("service ignores it") << int(migration::Backend::Service) << QString() << false;
    }
    void dmsSubnet()
    {
        QFETCH(int, backend);
        QFETCH(QString, subnet);
        QFETCH(bool, error);
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        w.spec().backend = migration::Backend(backend);
        OptionsPageModel m(&w);
        m.setName(QStringLiteral("m1"));
        m.setDmsSubnetId(QStringLiteral("  ") + subnet);
        QCOMPARE(w.spec().dmsSubnetId, subnet);
        QCOMPARE(m.dmsSubnetApplies(), backend == int(migration::Backend::Dms));
        QCOMPARE(!m.dmsSubnetError().isEmpty(), error);
        QCOMPARE(m.isComplete(), !error);
    }

    void startTime_data()
    {
        QTest::addColumn<int>("offsetSecs");
        QTest::addColumn<bool>("ok");
        QTest::newRow("in an hour") << 3600 << true;
        QTest::newRow("just now") << -10 << true;
        QTest::newRow("yesterday") << -86400 << false;
    }
    void startTime()
    {
        QFETCH(int, offsetSecs);
        QFETCH(bool, ok);
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        OptionsPageModel m(&w);
        m.setName(QStringLiteral("move"));
        const QDateTime t = QDateTime::currentDateTimeUtc().addSecs(offsetSecs);
        m.setStartTimeUtc(t);
        QCOMPARE(w.spec().options.startTimeUtc, t);
        if (ok) {
            QCOMPARE(m.startTimeError(), QString());
        } else {
            QCOMPARE(m.startTimeError(), QStringLiteral("The start time %1 is in the past; choose a later time or start now.").arg(t.toString(Qt::ISODate)));
            QCOMPARE(m.errorText(), m.startTimeError());
        }
        QCOMPARE(m.isComplete(), ok);
        m.setStartTimeUtc({});
        QVERIFY(m.isComplete());
        QVERIFY(!w.spec().options.startTimeUtc.isValid());
    }

    void optionsWriteSpec()
    {
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        OptionsPageModel m(&w);
        m.setName(QStringLiteral("move"));
        m.setSetupLogicalReplication(true);
        m.setOverwriteTargetDatabases(true);
        m.setCutover(migration::CutoverMode::Automatic);
        QVERIFY(w.spec().options.setupLogicalReplication);
        QVERIFY(w.spec().options.overwriteTargetDatabases);
        QCOMPARE(w.spec().options.cutover, migration::CutoverMode::Automatic);
        QVERIFY(m.setupReplicationNote().contains(QLatin1String("restarts the source server")));
        w.spec().backend = migration::Backend::Direct;
        QVERIFY(m.setupReplicationNote().contains(QLatin1String("wal_level = logical")));
        m.setJobs(0);
        QCOMPARE(m.jobsError(), QStringLiteral("Copy jobs must be between 1 and 32, not 0."));
        QVERIFY(!m.isComplete());
        m.setJobs(4);
        QVERIFY(m.isComplete());
        QCOMPARE(w.spec().options.jobs, 4);
    }

    void availabilityWithoutTarget()
    {
        FakeNetworkAccessManager nam;
        WizardModel w(&nam);
        OptionsPageModel m(&w);
        m.setName(QStringLiteral("move"));
        m.checkNameAvailability();
        QCOMPARE(m.availability(), OptionsPageModel::Availability::CheckFailed);
        QCOMPARE(m.availabilityText(), QStringLiteral("The name's availability cannot be checked without the target server."));
        QVERIFY(m.isComplete()); // unknown is not "taken": the service checks again on create
        QCOMPARE(nam.requests().size(), 0);
        // Other backends have no migration resource to collide with: nothing is asked.
        w.spec().backend = migration::Backend::Direct;
        m.setName(QStringLiteral("move-2"));
        m.checkNameAvailability();
        QCOMPARE(m.availability(), OptionsPageModel::Availability::Unknown);
    }

    void availability_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("text");
        QTest::newRow("available") << QByteArray(R"({"name":"move","type":"Microsoft.DBforPostgreSQL/flexibleServers/migrations","nameAvailable":true})") << 200
                                   << int(OptionsPageModel::Availability::Available) << "";
        QTest::newRow("taken") << QByteArray(R"({"name":"move","nameAvailable":false,"reason":"AlreadyExists","message":"Migration with name move already exists."})")
                               << 200 << int(OptionsPageModel::Availability::Taken) << "Migration with name move already exists.";
        QTest::newRow("forbidden") << QByteArray(R"({"error":{"code":"AuthorizationFailed","message":"The client does not have authorization."}})") << 403
                                   << int(OptionsPageModel::Availability::CheckFailed) << "Could not check the name: ";
    }
    void availability()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(int, expected);
        QFETCH(QString, text);
        FakeNetworkAccessManager nam;
        WizardModel w(&nam);
        w.setProfile(http::CloudProfile::custom(QUrl(QStringLiteral("https://management.example.test")), QUrl(QStringLiteral("https://login.example.test")),
                                                QStringLiteral("https://management.core.windows.net/")));
        CredentialInputs in;
        in.tenantId = QStringLiteral("11111111-2222-3333-4444-555555555555");
        in.clientId = QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
        in.secret = Secret(QStringLiteral("s"));
        w.setCredentialInputs(in);
        w.spec().target.resourceId = kTgt;
        nam.setHandler([&](const RecordedRequest &r) -> std::optional<FakeResponse> {
            if (r.url.host() == QLatin1String("login.example.test"))
                return FakeResponse::json(200, R"({"token_type":"Bearer","expires_in":3600,"access_token":"tok"})");
            if (r.url.path() == kTgt + QStringLiteral("/checkMigrationNameAvailability"))
                return FakeResponse::json(status, body);
            return std::nullopt;
        });
        OptionsPageModel m(&w);
        m.setName(QStringLiteral("move"));
        QSignalSpy changed(&m, &OptionsPageModel::changed);
        m.checkNameAvailability();
        QCOMPARE(m.availability(), OptionsPageModel::Availability::Checking);
        QVERIFY(m.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(m.availability() != OptionsPageModel::Availability::Checking, 10000);
        QCOMPARE(int(m.availability()), expected);
        if (text.isEmpty())
            QCOMPARE(m.availabilityText(), QString());
        else
            QVERIFY2(m.availabilityText().startsWith(text), qPrintable(m.availabilityText()));
        QCOMPARE(m.isComplete(), expected != int(OptionsPageModel::Availability::Taken));
        const auto &req = nam.requests().last();
        QCOMPARE(req.method, QByteArray("POST"));
        QCOMPARE(req.url.toString(), QStringLiteral("https://management.example.test%1/checkMigrationNameAvailability?api-version=2024-08-01").arg(kTgt));
        // A new name forgets the answer.
        m.setName(QStringLiteral("move-2"));
        QCOMPARE(m.availability(), OptionsPageModel::Availability::Unknown);
        QVERIFY(m.isComplete());
    }
};

QTEST_GUILESS_MAIN(TstOptionsPageModel)
#include "tst_optionspagemodel.moc"
