// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/core/expected.h"

#include <QTest>

using namespace fm;

class TestError : public QObject
{
    Q_OBJECT
private slots:
    void connectionLost_data()
    {
        QTest::addColumn<int>("category");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("lost");
        QTest::newRow("08006 connection failure") << int(ErrorCategory::Postgres) << "08006" << true;
        QTest::newRow("08001 cannot connect") << int(ErrorCategory::Postgres) << "08001" << true;
        QTest::newRow("23505 unique violation") << int(ErrorCategory::Postgres) << "23505" << false;
        QTest::newRow("network") << int(ErrorCategory::Network) << "" << true;
        QTest::newRow("arm 08 code is not sqlstate") << int(ErrorCategory::Arm) << "08Something" << false;
    }
    void connectionLost()
    {
        QFETCH(int, category);
        QFETCH(QString, code);
        QFETCH(bool, lost);
        Error e = Error::make(ErrorCategory(category), code, QStringLiteral("m"));
        QCOMPARE(e.isConnectionLost(), lost);
    }

    void displayStringHasAllParts()
    {
        Error e = Error::make(ErrorCategory::Arm, QStringLiteral("AuthorizationFailed"), QStringLiteral("No access."), QStringLiteral("Grant Contributor."));
        e.httpStatus = 403;
        e.requestId = QStringLiteral("req-1");
        const QString s = e.toDisplayString();
        QVERIFY2(s.contains(QLatin1String("No access.")), qPrintable(s));
        QVERIFY(s.contains(QLatin1String("[AuthorizationFailed]")));
        QVERIFY(s.contains(QLatin1String("HTTP 403")));
        QVERIFY(s.contains(QLatin1String("req-1")));
        QVERIFY(s.contains(QLatin1String("Grant Contributor.")));
    }

    void expectedCarriesErrors()
    {
        auto f = [](int x) -> Expected<int> {
            if (x < 0)
                return fail(Error::validation(QStringLiteral("Negative"), QStringLiteral("x is negative")));
            return x * 2;
        };
        QCOMPARE(*f(2), 4);
        QVERIFY(!f(-1).has_value());
        QCOMPARE(f(-1).error().code, QStringLiteral("Negative"));
        QVERIFY(f(-1).error().category == ErrorCategory::Validation);
        QVERIFY(Error::cancelled().isCancelled());
        QVERIFY(!Error::internal(QStringLiteral("x")).isCancelled());
    }
};

QTEST_GUILESS_MAIN(TestError)
#include "tst_error.moc"
