// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// LogPolicy allowlists: query parameters, headers, bodies.
#include "engine/http/logpolicy.h"

#include <QTest>

using namespace fm::http;

class TestLogPolicy : public QObject
{
    Q_OBJECT

private slots:
    void url_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("logged");
        QTest::newRow("api-version kept") << "https://management.azure.com/subscriptions/s?api-version=2024-08-01"
                                          << "https://management.azure.com/subscriptions/s?api-version=2024-08-01";
        QTest::newRow("filter/expand/top kept, sig redacted")
            << "https://m/x?api-version=1&$expand=output&$filter=a eq 'b'&$top=5&sig=abcdef&code=xyz"
            << "https://m/x?api-version=1&$expand=output&$filter=a eq 'b'&$top=5&sig=***&code=REDACTED";
        // values of unknown parameters never survive, whatever the redactor adds on top
        QTest::newRow("user info dropped") << "https://user:pw@m/x" << "https://m/x";
        QTest::newRow("migration filter kept") << "https://m/x?migrationListFilter=All" << "https://m/x?migrationListFilter=All";
    }
    void url()
    {
        QFETCH(QString, url);
        QFETCH(QString, logged);
        QCOMPARE(LogPolicy::loggableUrl(QUrl(url)), logged);
    }

    void headers()
    {
        const HeaderList h = {{"Authorization", "Bearer eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ4In0.c2ln"},
                              {"x-ms-request-id", "r1"},
                              {"Content-Type", "application/json"},
                              {"Cookie", "session=1"},
                              {"x-ms-ratelimit-remaining-subscription-reads", "11999"},
                              {"Azure-AsyncOperation", "https://m/op?api-version=1&token=secret123"}};
        const QString logged = LogPolicy::loggableHeaders(h);
        QCOMPARE(logged, QStringLiteral("Authorization: REDACTED, x-ms-request-id: r1, Content-Type: application/json, Cookie: REDACTED, "
                                        "x-ms-ratelimit-remaining-subscription-reads: 11999, "
                                        "Azure-AsyncOperation: https://m/op?api-version=1&token=REDACTED"));
    }

    void body_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("logged");
        QTest::newRow("passwords masked")
            << QByteArray(R"({"properties":{"secretParameters":{"adminCredentials":{"sourceServerPassword":"p1","targetServerPassword":"p2"},"aadApp":{"clientId":"c","aadSecret":"s"}},"dbsToMigrate":["a"]}})")
            << R"({"properties":{"dbsToMigrate":["a"],"secretParameters":{"aadApp":{"aadSecret":"***","clientId":"c"},"adminCredentials":{"sourceServerPassword":"***","targetServerPassword":"***"}}}})";
        QTest::newRow("access token masked") << QByteArray(R"({"access_token":"abc","expires_in":3599})") << R"({"access_token":"***","expires_in":3599})";
        QTest::newRow("not json passes the redactor") << QByteArray("plain text") << "plain text";
    }
    void body()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, logged);
        QCOMPARE(LogPolicy::loggableBody(body), logged);
    }
};

QTEST_GUILESS_MAIN(TestLogPolicy)
#include "tst_logpolicy.moc"
