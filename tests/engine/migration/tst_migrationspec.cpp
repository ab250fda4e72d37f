// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/migration/migrationspec.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace fm;
using namespace fm::migration;

namespace {
const QString kSub = QStringLiteral("ffffffff-ffff-ffff-ffff-ffffffffffff");
const QString kSource = QStringLiteral("/subscriptions/%1/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/servers/single-src").arg(kSub);
const QString kTarget = QStringLiteral("/subscriptions/%1/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/flex-tgt").arg(kSub);

MigrationSpec validServiceSpec()
{
    MigrationSpec s;
    s.name = QStringLiteral("move-sales");
    s.backend = Backend::Service;
    s.location = QStringLiteral("westeurope");
    s.source.resourceId = kSource;
    s.source.user = QStringLiteral("admin");
    s.source.passwordRef = QStringLiteral("keychain:source-single-src");
    s.target.resourceId = kTarget;
    s.target.user = QStringLiteral("admin");
    s.target.passwordRef = QStringLiteral("env:TARGET_PW");
    s.aadApp.tenantId = QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47");
    s.aadApp.clientId = QStringLiteral("0d2b5e0c-9e1a-4d8c-8c1e-2f5a1b3c4d5e");
    s.aadApp.secretRef = QStringLiteral("keychain:aad");
    s.databases = {QStringLiteral("sales"), QStringLiteral("crm")};
    return s;
}

QStringList fieldsOf(const QList<SpecProblem> &problems)
{
    QStringList f;
    for (const auto &p : problems)
        f << p.field;
    return f;
}
} // namespace

class TestMigrationSpec : public QObject
{
    Q_OBJECT
private slots:
    void validSpecHasNoProblems()
    {
        const auto s = validServiceSpec();
        const auto problems = s.validate();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.isEmpty() ? QString() : problems.first().message));
        QVERIFY(s.check());
    }

    void eachProblemNamesItsField_data()
    {
        QTest::addColumn<QString>("mutation");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty name") << "name=" << "name" << "name";
        QTest::newRow("illegal name") << "name=-bad name!" << "name" << "";
        QTest::newRow("source id of wrong type") << "source.resourceId=target" << "source.resourceId" << "";
        QTest::newRow("malformed source id") << "source.resourceId=/subscriptions/not-a-guid/x" << "source.resourceId" << "";
        QTest::newRow("missing target id") << "target.resourceId=" << "target.resourceId" << "flexibleServers";
        QTest::newRow("same server") << "target=source" << "target" << "same server";
        QTest::newRow("bad client id") << "aadApp.clientId=not-a-guid" << "aadApp.clientId" << "";
        QTest::newRow("bad tenant") << "aadApp.tenantId=https://login.microsoftonline.com/x" << "aadApp.tenantId" << "";
        QTest::newRow("secret itself instead of a reference") << "aadApp.secretRef=Abc~123secretvalue" << "aadApp.secretRef" << "never the secret itself";
        QTest::newRow("nine databases") << "databases=9" << "databases" << "at most 8";
        QTest::newRow("system database") << "databases=azure_sys" << "databases" << "system database";
        QTest::newRow("duplicate database") << "databases=dup" << "databases" << "twice";
        QTest::newRow("no database") << "databases=none" << "databases" << "at least one";
        QTest::newRow("huge database name") << "databases=huge" << "databases" << "63 bytes";
        QTest::newRow("start time in the past") << "start=past" << "options.startTimeUtc" << "in the past";
        QTest::newRow("dms without subnet") << "backend=dms" << "dmsSubnetId" << "subnet";
        QTest::newRow("bad ssl mode") << "source.sslMode=sometimes" << "source.sslMode" << "sometimes";
        QTest::newRow("direct without host") << "backend=direct" << "source.host" << "host";
        QTest::newRow("bad port") << "target.port=0" << "target.port" << "between 1 and 65535";
    }
    void eachProblemNamesItsField()
    {
        QFETCH(QString, mutation);
        QFETCH(QString, field);
        QFETCH(QString, mentions);
        MigrationSpec s = validServiceSpec();
        const QString key = mutation.section(QLatin1Char('='), 0, 0);
        const QString value = mutation.section(QLatin1Char('='), 1);
        if (key == QLatin1String("name"))
            s.name = value;
        else if (key == QLatin1String("source.resourceId"))
            s.source.resourceId = value == QLatin1String("target") ? kTarget : value;
        else if (key == QLatin1String("target.resourceId"))
            s.target.resourceId = value;
        else if (key == QLatin1String("target")) {
            s.target.resourceId = kSource;
            s.source.resourceId = kSource;
        } else if (key == QLatin1String("aadApp.clientId"))
            s.aadApp.clientId = value;
        else if (key == QLatin1String("aadApp.tenantId"))
            s.aadApp.tenantId = value;
        else if (key == QLatin1String("aadApp.secretRef"))
            s.aadApp.secretRef = value;
        else if (key == QLatin1String("databases")) {
            if (value == QLatin1String("9")) {
                s.databases.clear();
                for (int i = 0; i < 9; ++i)
                    s.databases << QStringLiteral("db%1").arg(i);
            } else if (value == QLatin1String("dup"))
                s.databases << QStringLiteral("sales");
            else if (value == QLatin1String("none"))
                s.databases.clear();
            else if (value == QLatin1String("huge"))
                s.databases << QString(64, QLatin1Char('x'));
            else
                s.databases << value;
        } else if (key == QLatin1String("start"))
            s.options.startTimeUtc = QDateTime::currentDateTimeUtc().addDays(-1);
        else if (key == QLatin1String("backend"))
            s.backend = *backendFromName(value);
        else if (key == QLatin1String("source.sslMode"))
            s.source.sslMode = value;
        else if (key == QLatin1String("target.port"))
            s.target.port = value.toInt();
        const auto problems = s.validate();
        QVERIFY2(fieldsOf(problems).contains(field), qPrintable(fieldsOf(problems).join(QLatin1Char(','))));
        for (const auto &p : problems) {
            if (p.field != field)
                continue;
            QVERIFY(!p.code.isEmpty());
            QVERIFY2(mentions.isEmpty() || p.message.contains(mentions, Qt::CaseInsensitive), qPrintable(p.message));
            QVERIFY(!p.message.contains(QLatin1String("Abc~123secretvalue")));
        }
        QVERIFY(!s.check());
    }

    void draftRoundTripsWithoutSecrets()
    {
        MigrationSpec s = validServiceSpec();
        s.options.overwriteTargetDatabases = true;
        s.options.startTimeUtc = QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC);
        s.options.cutover = CutoverMode::Automatic;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("draft.json"));
        QVERIFY(s.saveDraft(path));
        auto loaded = MigrationSpec::loadDraft(path);
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message));
        QVERIFY(*loaded == s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("keychain:aad")); // a reference, not a value
        QVERIFY(!text.contains("password\""));
    }

    void badDraftsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not json") << QByteArray("{nope") << "not a FlexMigrate draft";
        QTest::newRow("unknown key") << QByteArray(R"({"formatVersion":1,"backend":"service","colour":"red"})") << "colour";
        QTest::newRow("secret in aadApp") << QByteArray(R"({"formatVersion":1,"backend":"service","aadApp":{"secret":"x"}})") << "never holds the secret";
        QTest::newRow("bad backend") << QByteArray(R"({"formatVersion":1,"backend":"cloud"})") << "not service, dms or direct";
        QTest::newRow("future version") << QByteArray(R"({"formatVersion":7,"backend":"service"})") << "version 1";
        QTest::newRow("bad time") << QByteArray(R"({"formatVersion":1,"backend":"service","options":{"startTimeUtc":"tomorrow"}})") << "ISO 8601";
    }
    void badDraftsAreRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(json);
        f.close();
        auto r = MigrationSpec::loadDraft(path);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
    }

    void splitsIntoNumberedGroupsOfEight()
    {
        MigrationSpec s = validServiceSpec();
        s.databases.clear();
        for (int i = 1; i <= 19; ++i)
            s.databases << QStringLiteral("db%1").arg(i);
        const auto parts = s.split();
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts[0].name, QStringLiteral("move-sales-1"));
        QCOMPARE(parts[2].name, QStringLiteral("move-sales-3"));
        QCOMPARE(parts[0].databases.size(), 8);
        QCOMPARE(parts[1].databases.first(), QStringLiteral("db9"));
        QCOMPARE(parts[2].databases, (QStringList{QStringLiteral("db17"), QStringLiteral("db18"), QStringLiteral("db19")}));
        for (const auto &p : parts)
            QVERIFY2(p.validate().isEmpty(), qPrintable(p.validate().value(0).message));
        QCOMPARE(validServiceSpec().split().size(), 1);
    }

    void exportsPropertiesFilesWithPlaceholders()
    {
        const MigrationSpec s = validServiceSpec();
        for (auto format : {arm::PropertiesFile::Format::Old, arm::PropertiesFile::Format::New}) {
            const QByteArray text = s.toPropertiesFile(format);
            QVERIFY2(text.contains(kSourcePasswordPlaceholder), text.constData());
            QVERIFY(text.contains(kTargetPasswordPlaceholder));
            QVERIFY(text.contains("single-src"));
            QCOMPARE(text.contains(kAadSecretPlaceholder), format == arm::PropertiesFile::Format::Old);
            // The file reads back (as az would) into the same selection.
            auto parsed = arm::PropertiesFile::parse(text);
            QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
            QVERIFY(parsed->format == format);
            auto back = MigrationSpec::fromPropertiesFile(*parsed, kTarget);
            QVERIFY(back);
            QCOMPARE(back->databases, s.databases);
            QCOMPARE(back->source.resourceId, s.source.resourceId);
            QCOMPARE(back->target.resourceId, kTarget);
        }
        const QString cmd = s.azCreateCommand(QStringLiteral("/tmp/my props.json"));
        QCOMPARE(cmd, QStringLiteral("az postgres flexible-server migration create --subscription %1 --resource-group rg --name flex-tgt "
                                     "--migration-name move-sales --properties '/tmp/my props.json' --migration-mode online").arg(kSub));
    }
};

QTEST_GUILESS_MAIN(TestMigrationSpec)
#include "tst_migrationspec.moc"
