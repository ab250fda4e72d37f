// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// Tenant and client id validation: each bad input gets its own message.
#include "engine/auth/identifiers.h"

#include <QTest>

using namespace fm;
using namespace fm::auth;

class TestIdentifiers : public QObject
{
    Q_OBJECT

private slots:
    void tenant_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("normalised"); // empty: rejected
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("guid") << "72f988bf-86f1-41af-91ab-2d7cd011db47" << "72f988bf-86f1-41af-91ab-2d7cd011db47" << "" << "";
        QTest::newRow("guid upper, spaces") << "  72F988BF-86F1-41AF-91AB-2D7CD011DB47 " << "72f988bf-86f1-41af-91ab-2d7cd011db47" << "" << "";
        QTest::newRow("guid braces") << "{72f988bf-86f1-41af-91ab-2d7cd011db47}" << "72f988bf-86f1-41af-91ab-2d7cd011db47" << "" << "";
        QTest::newRow("domain") << "Contoso.onmicrosoft.com" << "contoso.onmicrosoft.com" << "" << "";
        QTest::newRow("empty") << "" << "" << "MissingTenantId" << "missing";
        QTest::newRow("url") << "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47" << "" << "InvalidTenantId" << "looks like a URL";
        QTest::newRow("common") << "common" << "" << "InvalidTenantId" << "is not a tenant";
        QTest::newRow("organizations") << "organizations" << "" << "InvalidTenantId" << "is not a tenant";
        QTest::newRow("short guid") << "72f988bf-86f1-41af-91ab" << "" << "InvalidTenantId" << "not a complete GUID";
        QTest::newRow("single label") << "contoso" << "" << "InvalidTenantId" << "neither a GUID nor a domain";
        QTest::newRow("spaces inside") << "contoso corp.com" << "" << "InvalidTenantId" << "neither a GUID nor a domain";
        QTest::newRow("underscore") << "con_toso.com" << "" << "InvalidTenantId" << "neither a GUID nor a domain";
    }
    void tenant()
    {
        QFETCH(QString, input);
        QFETCH(QString, normalised);
        QFETCH(QString, code);
        QFETCH(QString, messagePart);
        const auto r = validateTenantId(input);
        if (!normalised.isEmpty()) {
            QVERIFY(r.has_value());
            QCOMPARE(*r, normalised);
            return;
        }
        QVERIFY(!r);
        QCOMPARE(r.error().category, ErrorCategory::Validation);
        QCOMPARE(r.error().code, code);
        QVERIFY2(r.error().message.contains(messagePart), qPrintable(r.error().message));
        QVERIFY(r.error().fix.contains(QStringLiteral("Tenant")) || r.error().fix.contains(QStringLiteral("tenant")));
    }

    void client_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("normalised");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("guid") << "00000000-1111-2222-3333-444444444444" << "00000000-1111-2222-3333-444444444444" << "" << "";
        QTest::newRow("upper") << "ABCDEF00-1111-2222-3333-444444444444" << "abcdef00-1111-2222-3333-444444444444" << "" << "";
        QTest::newRow("empty") << " " << "" << "MissingClientId" << "missing";
        QTest::newRow("domain") << "contoso.com" << "" << "InvalidClientId" << "is not a GUID";
        QTest::newRow("pasted secret") << "Abc8Q~xyzXYZ0123456789abcdefghijABCDEFGH" << "" << "InvalidClientId" << "looks like a client secret";
    }
    void client()
    {
        QFETCH(QString, input);
        QFETCH(QString, normalised);
        QFETCH(QString, code);
        QFETCH(QString, messagePart);
        const auto r = validateClientId(input);
        if (!normalised.isEmpty()) {
            QVERIFY(r.has_value());
            QCOMPARE(*r, normalised);
            return;
        }
        QVERIFY(!r);
        QCOMPARE(r.error().code, code);
        QVERIFY2(r.error().message.contains(messagePart), qPrintable(r.error().message));
        QVERIFY(!r.error().message.contains(QStringLiteral("Abc8Q~"))); // a pasted secret is never echoed
    }
};

QTEST_GUILESS_MAIN(TestIdentifiers)
#include "tst_identifiers.moc"
