// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// SecretStore over QtKeychain. Round trip when the machine has a keychain;
// otherwise the error must be the specific "KeychainUnavailable", never a hang.
#include "engine/auth/secretstore.h"

#include <QTest>
#include <QUuid>

using namespace fm;
using namespace fm::auth;

class TestSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void keyFormat()
    {
        QCOMPARE(SecretStore::aadSecretKey(QStringLiteral("72F988BF-86F1-41AF-91AB-2D7CD011DB47"), QStringLiteral("00000000-1111-2222-3333-444444444444")),
                 QStringLiteral("aad/72f988bf-86f1-41af-91ab-2d7cd011db47/00000000-1111-2222-3333-444444444444"));
    }

    void roundTripOrClearError()
    {
        // A throwaway service name so a developer's real entries are never touched.
        const SecretStore store(QStringLiteral("FlexMigrate-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
        const QString key = QStringLiteral("aad/t/c");
        QObject context;
        std::optional<Expected<void>> stored;
        store.store(key, Secret(QStringLiteral("value-1")), &context, [&stored](Expected<void> r) { stored = r; });
        QVERIFY(!stored.has_value()); // asynchronous
        QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 30000);
        if (!*stored) {
            const QString code = stored->error().code;
            QVERIFY2(code == QLatin1String("KeychainUnavailable") || code == QLatin1String("KeychainError")
                         || code == QLatin1String("KeychainAccessDenied"),
                     qPrintable(stored->error().toDisplayString()));
            QVERIFY(!stored->error().fix.isEmpty() || code != QLatin1String("KeychainUnavailable"));
            QSKIP(qPrintable(QStringLiteral("no usable keychain here: ") + stored->error().toDisplayString()));
        }
        std::optional<Expected<Secret>> read;
        store.read(key, &context, [&read](Expected<Secret> r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 30000);
        QVERIFY(read->has_value());
        QCOMPARE((*read)->reveal(), QStringLiteral("value-1"));

        std::optional<Expected<void>> removed;
        store.remove(key, &context, [&removed](Expected<void> r) { removed = r; });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 30000);
        QVERIFY(removed->has_value());

        read.reset();
        store.read(key, &context, [&read](Expected<Secret> r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 30000);
        QVERIFY(!*read);
        QCOMPARE(read->error().code, QStringLiteral("SecretNotFound"));
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
