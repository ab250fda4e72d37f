// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/core/logging.h"
#include "engine/core/redaction.h"
#include "engine/core/secret.h"

#include <QTest>

#include <concepts>
#include <ostream>
#include <type_traits>

using namespace fm;

// A Secret cannot be printed: no stream operator, no fmt formatter, no conversion to text.
template<typename T>
concept Streamable = requires(std::ostream &os, const T &t) { os << t; };
static_assert(!Streamable<Secret>, "Secret must not be printable to std::ostream");
static_assert(!fmt::is_formattable<Secret>::value, "Secret must not be formattable by fmt/spdlog");
static_assert(!std::is_convertible_v<Secret, QString>, "Secret must not convert to QString implicitly");
static_assert(!std::is_convertible_v<QString, Secret>, "a QString must not silently become a Secret");

class TestSecret : public QObject
{
    Q_OBJECT
private slots:
    void holdsAndCompares()
    {
        Secret a(QStringLiteral("s3cr3t-value"));
        Secret b(QStringLiteral("s3cr3t-value"));
        Secret c(QStringLiteral("other-value!"));
        QVERIFY(!a.isEmpty());
        QVERIFY(Secret().isEmpty());
        QCOMPARE(a.reveal(), QStringLiteral("s3cr3t-value"));
        QVERIFY(a == b);
        QVERIFY(!(a == c));
    }

    void liveSecretsAreRedactedEverywhere()
    {
        const QString value = QStringLiteral("Zx9-unguessable-Q");
        QString text = QStringLiteral("connecting with %1 now").arg(value);
        {
            Secret s(value);
            QCOMPARE(redacted(text), QStringLiteral("connecting with *** now"));
            Secret copy = s; // copies share the registration
            Q_UNUSED(copy);
        }
        // Once no Secret holds the value, it is no longer special.
        QCOMPARE(redacted(text), text);
    }

    void patternsAreRedacted_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("mustNotContain");
        QTest::newRow("conninfo") << "host=db password=hunter22 user=x" << "hunter22";
        QTest::newRow("conninfo quoted") << "password='two words' user=x" << "two words";
        QTest::newRow("uri") << "postgresql://admin:pa55word@db.example.com:5432/app" << "pa55word";
        QTest::newRow("form body") << "grant_type=client_credentials&client_secret=abcDEF123&scope=x" << "abcDEF123";
        QTest::newRow("json") << R"({"clientSecret": "my-client-secret", "x": 1})" << "my-client-secret";
        QTest::newRow("json password") << R"({"sourceServerPassword":"Pw-123"})" << "Pw-123";
        QTest::newRow("bearer") << "Authorization: Bearer abc.def.ghi" << "abc.def.ghi";
        QTest::newRow("jwt") << "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-part here" << "eyJzdWIiOiIxIn0";
    }
    void patternsAreRedacted()
    {
        QFETCH(QString, input);
        QFETCH(QString, mustNotContain);
        const QString out = redacted(input);
        QVERIFY2(!out.contains(mustNotContain), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("***")), qPrintable(out));
    }

    void ordinaryTextIsUntouched()
    {
        const QString s = QStringLiteral("copied 1200 rows of public.orders in 0.4 s");
        QCOMPARE(redacted(s), s);
    }
};

QTEST_GUILESS_MAIN(TestSecret)
#include "tst_secret.moc"
