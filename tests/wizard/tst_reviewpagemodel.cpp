// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/viewmodels/reviewpagemodel.h"
#include "wizard/viewmodels/wizardmodel.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace fm;
using namespace fm::ui;

namespace {

const QString kSub = QStringLiteral("00000000-0000-0000-0000-000000000001");
const QString kSrc = QStringLiteral("/subscriptions/%1/resourceGroups/rg-mig/providers/Microsoft.DBforPostgreSQL/servers/src").arg(kSub);
const QString kTgt = QStringLiteral("/subscriptions/%1/resourceGroups/rg-mig/providers/Microsoft.DBforPostgreSQL/flexibleServers/tgt").arg(kSub);
const QString kSourcePw = QStringLiteral("SourcePw-7f3e1d!");
const QString kTargetPw = QStringLiteral("TargetPw-91aa0c!");
const QString kAadSecret = QStringLiteral("AadSecret~4b2d9e.Xy");

void fill(WizardModel &w)
{
    auto &s = w.spec();
    s.name = QStringLiteral("sales-move");
    s.backend = migration::Backend::Service;
    s.location = QStringLiteral("northeurope");
    s.source.resourceId = kSrc;
    s.source.user = QStringLiteral("cloudsa");
    s.target.resourceId = kTgt;
    s.target.user = QStringLiteral("flexadmin");
    s.databases = {QStringLiteral("sales"), QStringLiteral("hr")};
    s.options.setupLogicalReplication = true;
    CredentialInputs in;
    in.tenantId = QStringLiteral("11111111-2222-3333-4444-555555555555");
    in.clientId = QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    in.secret = Secret(kAadSecret);
    w.setCredentialInputs(in);
    w.sourcePassword = Secret(kSourcePw);
    w.targetPassword = Secret(kTargetPw);
}

void noSecret(const QByteArray &text)
{
    QVERIFY(!text.contains(kSourcePw.toUtf8()));
    QVERIFY(!text.contains(kTargetPw.toUtf8()));
    QVERIFY(!text.contains(kAadSecret.toUtf8()));
}

} // namespace

class TstReviewPageModel : public QObject
{
    Q_OBJECT
private slots:
    void summary()
    {
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        fill(w);
        ReviewPageModel m(&w);
        const QStringList lines = m.summary().split(QLatin1Char('\n'));
        QCOMPARE(lines.value(0), QStringLiteral("Migration: sales-move"));
        QCOMPARE(lines.value(1), QStringLiteral("Backend: Azure migration service"));
        QCOMPARE(lines.value(2), QStringLiteral("Cloud: AzureCloud (https://management.azure.com)"));
        QCOMPARE(lines.value(3), QStringLiteral("Acts as: AAD app aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee in tenant 11111111-2222-3333-4444-555555555555 "
                                                "(secret asked when the migration starts)"));
        QCOMPARE(lines.value(4), QStringLiteral("Source: %1, user cloudsa, password asked when the migration starts").arg(kSrc));
        QCOMPARE(lines.value(5), QStringLiteral("Target: %1, user flexadmin, password asked when the migration starts").arg(kTgt));
        QCOMPARE(lines.value(6), QStringLiteral("Databases (2): sales, hr"));
        QCOMPARE(lines.value(7), QStringLiteral("Overwrite target databases: no"));
        QCOMPARE(lines.value(8), QStringLiteral("Set up logical replication on the source: yes (the source server restarts)"));
        QCOMPARE(lines.value(9), QStringLiteral("Start: now"));
        QCOMPARE(lines.value(10), QStringLiteral("Cutover: manual"));
        QCOMPARE(m.problems(), QStringList());
        QVERIFY(m.isComplete());
    }

    void reviewTextIsThePlan()
    {
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        fill(w);
        ReviewPageModel m(&w);
        const QString text = m.reviewText();
        QVERIFY(text.startsWith(m.summary()));
        QVERIFY(text.contains(QString::fromUtf8(w.spec().toPropertiesFile(arm::PropertiesFile::Format::New))));
        QVERIFY(text.contains(w.spec().azCreateCommand(QStringLiteral("migration-properties.json"))));
        QVERIFY(text.contains(QLatin1String(migration::kSourcePasswordPlaceholder)));
        QVERIFY(text.contains(QLatin1String(migration::kTargetPasswordPlaceholder)));
        noSecret(text.toUtf8());
        QCOMPARE(m.azCommand(QStringLiteral("p.json")),
                 QStringLiteral("az postgres flexible-server migration create --subscription %1 --resource-group rg-mig --name tgt "
                                "--migration-name sales-move --properties p.json --migration-mode online")
                     .arg(kSub));
    }

    void splitReview()
    {
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        fill(w);
        for (int i = 0; i < 8; ++i)
            w.spec().databases << QStringLiteral("extra%1").arg(i);
        ReviewPageModel m(&w);
        QVERIFY(m.summary().contains(QLatin1String("Databases (10, split into 2 migrations run one after another):")));
        QVERIFY(m.summary().contains(QLatin1String("  sales-move-2: extra6, extra7")));
        const QString text = m.reviewText();
        QVERIFY(text.contains(QLatin1String("--migration-name sales-move-1 --properties sales-move-1-properties.json")));
        QVERIFY(text.contains(QLatin1String("--migration-name sales-move-2 --properties sales-move-2-properties.json")));
        // One spec with ten databases is not runnable as one Azure migration: validate says so.
        QVERIFY(!m.problems().isEmpty());
    }

    void exportProperties_data()
    {
        QTest::addColumn<arm::PropertiesFile::Format>("format");
        QTest::addColumn<QString>("aadPlaceholder");
        QTest::newRow("2024 format") << arm::PropertiesFile::Format::New << "";
        QTest::newRow("2021 format") << arm::PropertiesFile::Format::Old << QString::fromLatin1(migration::kAadSecretPlaceholder);
    }
    void exportProperties()
    {
        QFETCH(arm::PropertiesFile::Format, format);
        QFETCH(QString, aadPlaceholder);
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        fill(w);
        ReviewPageModel m(&w);
        m.setFormat(format);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("props.json"));
        QVERIFY2(m.exportPropertiesFile(path), qPrintable(m.errorText()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        QCOMPARE(content, m.propertiesFile());
        noSecret(content);
        QVERIFY(content.contains(migration::kSourcePasswordPlaceholder));
        QVERIFY(content.contains(migration::kTargetPasswordPlaceholder));
        if (!aadPlaceholder.isEmpty())
            QVERIFY(content.contains(aadPlaceholder.toUtf8()));
        QVERIFY(content.contains(kSrc.toUtf8()));
        // It parses back as a properties file.
        auto parsed = arm::PropertiesFile::parse(content);
        QVERIFY2(parsed.has_value(), parsed ? "" : qPrintable(parsed.error().message));
        QCOMPARE(parsed->request.dbsToMigrate, (QStringList{QStringLiteral("sales"), QStringLiteral("hr")}));
    }

    void exportFails()
    {
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        fill(w);
        ReviewPageModel m(&w);
        QVERIFY(!m.exportPropertiesFile(QStringLiteral("/nonexistent-dir/x/props.json")));
        QVERIFY2(m.errorText().startsWith(QLatin1String("Could not write props.json: ")), qPrintable(m.errorText()));
    }

    void problemsListed()
    {
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        ReviewPageModel m(&w);
        QVERIFY(!m.isComplete());
        QVERIFY(m.problems().contains(QStringLiteral("Give the migration a name (letters, digits and '-').")));
        QVERIFY(m.problems().contains(QStringLiteral("Select at least one database.")));
        QVERIFY(m.reviewText().contains(QLatin1String("To fix before it can run:\nGive the migration a name")));
    }
};

QTEST_GUILESS_MAIN(TstReviewPageModel)
#include "tst_reviewpagemodel.moc"
