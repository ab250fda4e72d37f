// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// Fault matrix on the Azure side (issue 10): the `flexmigrate migration` CLI drives
// the emulator (which really migrates between two local clusters) through create ->
// WaitingForCutoverTrigger -> cutover -> Succeeded while the emulator injects one
// kind of fault per row: a 429 storm with Retry-After, 500/503 bursts, connections
// dropped after the call took effect, and access tokens that expire within seconds.
// Each row ends with exactly one migration on the server and the data compared by
// row counts and chunked checksums (engine/migration/validation.h).
// Then the secret scan: the AAD secret, both passwords and any token in no log,
// journal, settings file, draft, export or output (DESIGN.md, "Rules").
#include "tests/emulator/emulatortestsupport.h"
#include "tests/reliability/reliabilitysupport.h"

#include "engine/migration/migrationspec.h"

#include <QTemporaryDir>

Q_DECLARE_METATYPE(nlohmann::json)

using namespace fm::test::emu;
using namespace fm::test::reliability;

class TestAzureFaults : public QObject
{
    Q_OBJECT
    fm::test::PgCluster m_source{[] { fm::test::PgClusterOptions o; o.name = QStringLiteral("azsrc"); return o; }()};
    fm::test::PgCluster m_target{[] { fm::test::PgClusterOptions o; o.name = QStringLiteral("aztgt"); return o; }()};
    std::unique_ptr<Harness> h;
    QTemporaryDir m_home;   // HOME/XDG of the CLI: everything it writes is scanned
    QTemporaryDir m_inputs; // properties files the test writes (they hold passwords by design)
    QString m_outputs;
    QStringList m_summary;

    ProcessResult cli(QStringList args, int timeoutMs = 180000)
    {
        args = QStringList{args.takeFirst()} + args;
        args << QStringLiteral("--subscription") << kSub << QStringLiteral("--resource-group") << kRg << QStringLiteral("--name") << kFlex
             << QStringLiteral("--cloud") << QStringLiteral("custom") << QStringLiteral("--arm-endpoint") << h->base << QStringLiteral("--authority-host")
             << h->base << QStringLiteral("--arm-audience") << QStringLiteral("https://management.azure.com/") << QStringLiteral("--tenant-id") << kTenant
             << QStringLiteral("--client-id") << kContributor;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FLEXMIGRATE_CLIENT_SECRET"), kSecret);
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
        ProcessResult r = runProcess(QStringLiteral(FM_MIGRATION_CLI), args, env, timeoutMs);
        m_outputs += r.all();
        return r;
    }

    QString writeProperties(const QString &db)
    {
        return fm::test::emu::writeMigrationProperties(m_inputs.filePath(db + QStringLiteral(".json")), singlePath(), m_source, m_target, db);
    }

    /** The migration as the server sees it, read with faults switched off for the read only. */
    QString substate(const QString &name, QString *state)
    {
        const fm::emulator::FaultConfig saved = h->emu->config().faults;
        h->emu->setFaults({});
        Reply g = h->arm("GET", flexPath() + QStringLiteral("/migrations/") + name + QStringLiteral("?api-version=2024-08-01"), h->token(kContributor));
        h->emu->setFaults(saved);
        if (!g.j.is_object() || !g.j.contains("properties"))
            return QString::fromUtf8(g.body.left(300));
        const json &s = g.j["properties"]["currentStatus"];
        *state = QString::fromStdString(s.value("state", ""));
        return s.contains("currentSubStateDetails") ? QString::fromStdString(s["currentSubStateDetails"].value("currentSubState", "")) : QString();
    }
    bool waitSubstate(const QString &name, const QString &wanted, int timeoutMs, QString *seen)
    {
        return Harness::waitFor(
            [&] {
                QString state;
                const QString sub = substate(name, &state);
                *seen = state + QLatin1Char('/') + sub;
                return sub == wanted;
            },
            timeoutMs);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid() && m_inputs.isValid());
        for (auto *pg : {&m_source, &m_target}) {
            auto started = pg->start();
            QVERIFY2(started.has_value(), started ? "" : qPrintable(started.error().message));
        }
    }
    void cleanup() { h.reset(); }

    void faultThenCutover_data()
    {
        QTest::addColumn<json>("faults");
        QTest::addColumn<int>("tokenLifetime");
        QTest::newRow("429-storm") << json{{"throttleEveryNth", 2}, {"retryAfterSeconds", 1}, {"tokenEndpoint", true}} << 0;
        QTest::newRow("5xx-burst") << json{{"error500Rate", 0.25}, {"error503Rate", 0.25}, {"seed", 11}, {"tokenEndpoint", true}} << 0;
        QTest::newRow("dropped-connections") << json{{"dropEveryNth", 4}, {"dropAfterProcessing", true}, {"seed", 3}} << 0;
        // Tokens live 2 s and every answer takes 700 ms: tokens die between the calls of one command.
        QTest::newRow("token-expiry") << json{{"delayMs", 700}} << 2;
    }
    void faultThenCutover()
    {
        QFETCH(json, faults);
        QFETCH(int, tokenLifetime);
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        const QString db = QStringLiteral("az_") + QString(tag).replace(QLatin1Char('-'), QLatin1Char('_'));
        const QString name = QStringLiteral("rel-") + tag;
        QVERIFY(m_source.createDatabase(db).has_value());
        QVERIFY(m_source.execute(db, QStringLiteral("CREATE TABLE notes (id bigserial PRIMARY KEY, note text NOT NULL, at timestamptz DEFAULT now());"
                                                    "INSERT INTO notes (note) SELECT 'note ' || g FROM generate_series(1, 20000) g;"
                                                    "CREATE TABLE tags (note_id bigint, tag text);"
                                                    "INSERT INTO tags SELECT g, 't' || (g % 7) FROM generate_series(1, 5000) g;"))
                    .has_value());

        json c = baseConfig(m_source.port(), m_source.password().reveal(), m_target.port(), m_target.password().reveal());
        c["pgBinDir"] = fm::test::PgCluster::binDir().toStdString();
        json f = faults;
        if (tokenLifetime > 0)
            f["shortTokenLifetimeSeconds"] = tokenLifetime;
        c["faults"] = f;
        h = std::make_unique<Harness>(c);
        QVERIFY(h->emu->config().faults.any() || tokenLifetime > 0);

        ProcessResult r = cli({QStringLiteral("create"), QStringLiteral("--migration-name"), name, QStringLiteral("--properties"), writeProperties(db),
                               QStringLiteral("--migration-mode"), QStringLiteral("online"), QStringLiteral("--api-version"), QStringLiteral("2024-08-01")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QString seen;
        QVERIFY2(waitSubstate(name, QStringLiteral("WaitingForCutoverTrigger"), 240000, &seen), qPrintable(seen));

        // Changes during the online phase reach the target too.
        QVERIFY(m_source.execute(db, QStringLiteral("INSERT INTO notes (note) SELECT 'late ' || g FROM generate_series(1, 500) g;"
                                                    "UPDATE notes SET note = note || '!' WHERE id % 10 = 0; DELETE FROM notes WHERE id % 97 = 0;"
                                                    "INSERT INTO tags VALUES (1, 'late');"))
                    .has_value());
        r = cli({QStringLiteral("show"), QStringLiteral("--migration-name"), name, QStringLiteral("--details")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY2(Harness::waitFor([&] { return compareDatabases(m_source, m_target, db).isEmpty(); }, 90000),
                 qPrintable(compareDatabases(m_source, m_target, db)));

        r = cli({QStringLiteral("update"), QStringLiteral("--migration-name"), name, QStringLiteral("--cutover")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY2(waitSubstate(name, QStringLiteral("Completed"), 180000, &seen), qPrintable(seen));
        QCOMPARE(seen, QStringLiteral("Succeeded/Completed"));

        const QString diff = compareDatabases(m_source, m_target, db);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        r = cli({QStringLiteral("list"), QStringLiteral("--filter"), QStringLiteral("All"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const qint64 calls = h->server->requestCount();
        h->emu->setFaults({});
        const Reply all = h->arm("GET", flexPath() + QStringLiteral("/migrations?migrationListFilter=All&api-version=2024-08-01"), h->token(kContributor));
        int mine = 0;
        for (const auto &m : all.j["value"])
            mine += m.value("name", "") == name.toStdString() ? 1 : 0;
        QCOMPARE(mine, 1); // however often a call was retried, one migration
        const QString line = QStringLiteral("%1 | %2 HTTP requests served | Succeeded/Completed, data equal").arg(tag).arg(calls);
        m_summary << line;
        qInfo("%s", qPrintable(line));
    }

    // The wizard's and CLI's files: a draft and an export made from a properties file
    // that holds the real passwords and the AAD secret.
    void draftAndExportHoldNoSecret()
    {
        const json props = {{"properties",
                             {{"SourceDBServerResourceId", singlePath().toStdString()},
                              {"SecretParameters",
                               {{"AdminCredentials", {{"SourceServerPassword", m_source.password().reveal().toStdString()},
                                                      {"TargetServerPassword", m_target.password().reveal().toStdString()}}},
                                {"AADApp", {{"ClientId", kContributor.toStdString()}, {"TenantId", kTenant.toStdString()}, {"AadSecret", kSecret.toStdString()}}}}},
                              {"DBsToMigrate", json::array({"a", "b"})},
                              {"OverwriteDBsInTarget", "true"}}}};
        auto file = fm::arm::PropertiesFile::parse(QByteArray::fromStdString(props.dump()));
        QVERIFY2(file.has_value(), file ? "" : qPrintable(file.error().message));
        auto spec = fm::migration::MigrationSpec::fromPropertiesFile(*file, flexPath());
        QVERIFY2(spec.has_value(), spec ? "" : qPrintable(spec.error().message));
        spec->name = QStringLiteral("draft1");
        const QString dir = m_home.filePath(QStringLiteral("wizard"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(spec->saveDraft(dir + QStringLiteral("/draft.json")).has_value());
        for (auto format : {fm::arm::PropertiesFile::Format::Old, fm::arm::PropertiesFile::Format::New}) {
            QFile out(dir + QStringLiteral("/export-%1.json").arg(fm::arm::toString(format)));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(spec->toPropertiesFile(format));
        }
        QFile cmd(dir + QStringLiteral("/az-command.txt"));
        QVERIFY(cmd.open(QIODevice::WriteOnly));
        cmd.write(spec->azCreateCommand(dir + QStringLiteral("/export-new.json")).toUtf8());
    }

    void noSecretInFilesOrOutput()
    {
        const QStringList needles{kSecret, m_source.password().reveal(), m_target.password().reveal()};
        int files = 0;
        const QStringList hits = findSecrets(m_home.path(), needles, {}, &files) + findSecretsInText(QStringLiteral("CLI output"), m_outputs, needles);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
        QVERIFY2(files >= 4, qPrintable(QStringLiteral("only %1 files scanned").arg(files)));
        QVERIFY(!m_outputs.isEmpty());
        qInfo("scanned %d files and %lld characters of CLI output", files, qint64(m_outputs.size()));
        for (const QString &s : m_summary)
            qInfo("summary: %s", qPrintable(s));
    }
};

QTEST_GUILESS_MAIN(TestAzureFaults)
#include "tst_azurefaults.moc"
