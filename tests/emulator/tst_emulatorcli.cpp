// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// End to end (issue 5): the `flexmigrate migration` CLI ("Azure client") drives the
// emulator: create -> progress -> cutover -> data equal on both sides; then the same
// with faults on (throttling, 503s), finishing with nothing lost and exactly one
// migration created.
#include "tests/emulator/emulatortestsupport.h"

#include "tests/support/pgcluster.h"

#include <QProcess>
#include <QTemporaryDir>

using namespace fm::test::emu;

namespace {

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestEmulatorCli : public QObject
{
    Q_OBJECT
private:
    fm::test::PgCluster m_source{[] {
        fm::test::PgClusterOptions o;
        o.name = QStringLiteral("clisrc");
        return o;
    }()};
    fm::test::PgCluster m_target{[] {
        fm::test::PgClusterOptions o;
        o.name = QStringLiteral("clitgt");
        return o;
    }()};
    std::unique_ptr<Harness> h;
    QTemporaryDir m_dir;

    /** Runs the CLI without blocking the event loop (the emulator runs in this process). */
    CliResult cli(QStringList args, int timeoutMs = 120000)
    {
        args = QStringList{args.takeFirst()} + args; // subcommand first, then options
        args << QStringLiteral("--subscription") << kSub << QStringLiteral("--resource-group") << kRg << QStringLiteral("--name") << kFlex
             << QStringLiteral("--cloud") << QStringLiteral("custom") << QStringLiteral("--arm-endpoint") << h->base << QStringLiteral("--authority-host")
             << h->base << QStringLiteral("--arm-audience") << QStringLiteral("https://management.azure.com/") << QStringLiteral("--tenant-id") << kTenant
             << QStringLiteral("--client-id") << kContributor;
        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FLEXMIGRATE_CLIENT_SECRET"), kSecret);
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.path());
        p.setProcessEnvironment(env);
        QEventLoop loop;
        QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
        QObject::connect(&p, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        p.start(QStringLiteral(FM_MIGRATION_CLI), args);
        loop.exec();
        CliResult r;
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(5000);
            r.err = QStringLiteral("(timed out) ");
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err += QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    QString writeProperties(const QString &db)
    {
        return fm::test::emu::writeMigrationProperties(m_dir.filePath(db + QStringLiteral(".json")), singlePath(), m_source, m_target, db);
    }

    QString digest(fm::test::PgCluster &pg, const QString &db)
    {
        auto r = pg.query(db, QStringLiteral("SELECT count(*) || ':' || md5(coalesce(string_agg(id || '/' || note, ',' ORDER BY id), '')) FROM notes"));
        return r ? r->text(0, 0) : QStringLiteral("error: ") + r.error().message;
    }

    /** Polls through the emulator (fault-free view) until the migration's substate is `wanted`. */
    bool waitSubstate(const QString &name, const QString &wanted, int timeoutMs, QString *seen)
    {
        return Harness::waitFor(
            [&] {
                const fm::emulator::FaultConfig saved = h->emu->config().faults;
                h->emu->setFaults({});
                Reply g = h->arm("GET", flexPath() + QStringLiteral("/migrations/") + name + QStringLiteral("?api-version=2024-08-01"), h->token(kContributor));
                h->emu->setFaults(saved);
                const json &s = g.j["properties"]["currentStatus"];
                const QString sub = s.contains("currentSubStateDetails") ? QString::fromStdString(s["currentSubStateDetails"]["currentSubState"].get<std::string>())
                                                                         : QString();
                *seen = s.is_object() ? QString::fromStdString(s["state"].get<std::string>()) + QLatin1Char('/') + sub : QString::fromUtf8(g.body);
                return sub == wanted;
            },
            timeoutMs);
    }

    void runScenario(const QString &db, const QString &name)
    {
        CliResult r = cli({QStringLiteral("create"), QStringLiteral("--migration-name"), name, QStringLiteral("--properties"), writeProperties(db),
                           QStringLiteral("--migration-mode"), QStringLiteral("online"), QStringLiteral("--api-version"), QStringLiteral("2024-08-01")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(!r.out.contains(m_source.password().reveal()) && !r.err.contains(kSecret));

        QString seen;
        QVERIFY2(waitSubstate(name, QStringLiteral("WaitingForCutoverTrigger"), 180000, &seen), qPrintable(seen));
        r = cli({QStringLiteral("show"), QStringLiteral("--migration-name"), name, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QLatin1String("WaitingForCutoverTrigger")), qPrintable(r.out));

        QVERIFY(m_source.execute(db, QStringLiteral("INSERT INTO notes (note) SELECT 'late ' || g FROM generate_series(1, 25) g; DELETE FROM notes WHERE id = 1;")).has_value());
        QVERIFY2(Harness::waitFor([&] { return digest(m_source, db) == digest(m_target, db); }, 60000),
                 qPrintable(digest(m_source, db) + QLatin1String(" vs ") + digest(m_target, db)));

        r = cli({QStringLiteral("update"), QStringLiteral("--migration-name"), name, QStringLiteral("--cutover")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(waitSubstate(name, QStringLiteral("Completed"), 120000, &seen), qPrintable(seen));
        QCOMPARE(seen, QStringLiteral("Succeeded/Completed"));
        QCOMPARE(digest(m_source, db), digest(m_target, db));

        r = cli({QStringLiteral("list"), QStringLiteral("--filter"), QStringLiteral("All"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        h->emu->setFaults({});
        const Reply all = h->arm("GET", flexPath() + QStringLiteral("/migrations?migrationListFilter=All&api-version=2024-08-01"), h->token(kContributor));
        QCOMPARE(all.j["value"].size(), size_t(1)); // exactly one migration, however often the CLI retried
    }

    QString writeSeedEraProperties(const QString &db)
    {
        // The 2022 docs' format (azure-api.md §6.3): PascalCase keys, AAD app, string booleans.
        const json props = {{"properties",
                             {{"SourceDBServerResourceId", singlePath().mid(1).toStdString()},
                              {"SecretParameters",
                               {{"AdminCredentials", {{"SourceServerPassword", m_source.password().reveal().toStdString()},
                                                      {"TargetServerPassword", m_target.password().reveal().toStdString()}}},
                                {"AADApp", {{"ClientId", kContributor.toStdString()}, {"TenantId", kTenant.toStdString()}, {"AadSecret", kSecret.toStdString()}}}}},
                              {"DBsToMigrate", json::array({db.toStdString()})},
                              {"SetupLogicalReplicationOnSourceDBIfNeeded", "false"},
                              {"OverwriteDBsInTarget", "true"}}}};
        const QString path = m_dir.filePath(db + QStringLiteral("-old.json"));
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(QByteArray::fromStdString(props.dump(2)));
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (auto *pg : {&m_source, &m_target}) {
            auto started = pg->start();
            QVERIFY2(started.has_value(), started ? "" : qPrintable(started.error().message));
        }
        for (const QString db : {QStringLiteral("clidb"), QStringLiteral("flakydb"), QStringLiteral("olddb")}) {
            QVERIFY(m_source.createDatabase(db).has_value());
            QVERIFY(m_source.execute(db, QStringLiteral("CREATE TABLE notes (id bigserial PRIMARY KEY, note text NOT NULL);"
                                                        "INSERT INTO notes (note) SELECT 'note ' || g FROM generate_series(1, 3000) g;"))
                        .has_value());
        }
    }

    void init()
    {
        json c = baseConfig(m_source.port(), m_source.password().reveal(), m_target.port(), m_target.password().reveal());
        c["pgBinDir"] = fm::test::PgCluster::binDir().toStdString();
        h = std::make_unique<Harness>(c);
    }
    void cleanup() { h.reset(); }

    void createProgressCutover() { runScenario(QStringLiteral("clidb"), QStringLiteral("cli1")); }

    // Seed era through the CLI: old properties file (AAD app), the replication setup request, delete.
    void seedEraSetupReplicationAndDelete()
    {
        CliResult r = cli({QStringLiteral("create"), QStringLiteral("--migration-name"), QStringLiteral("old1"), QStringLiteral("--properties"),
                           writeSeedEraProperties(QStringLiteral("olddb")), QStringLiteral("--migration-mode"), QStringLiteral("online")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QString seen;
        QVERIFY2(waitSubstate(QStringLiteral("old1"), QStringLiteral("WaitingForLogicalReplicationSetupRequestOnSourceDB"), 30000, &seen), qPrintable(seen));
        r = cli({QStringLiteral("update"), QStringLiteral("--migration-name"), QStringLiteral("old1"), QStringLiteral("--setup-replication"),
                 QStringLiteral("--api-version"), QStringLiteral("2021-06-15-privatepreview")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(waitSubstate(QStringLiteral("old1"), QStringLiteral("WaitingForCutoverTrigger"), 180000, &seen), qPrintable(seen));
        QCOMPARE(digest(m_source, QStringLiteral("olddb")), digest(m_target, QStringLiteral("olddb")));
        r = cli({QStringLiteral("delete"), QStringLiteral("--migration-name"), QStringLiteral("old1"), QStringLiteral("--yes"), QStringLiteral("--api-version"),
                 QStringLiteral("2021-06-15-privatepreview")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(Harness::waitFor([&] { return h->emu->activeRunners() == 0; }, 60000));
        auto slotRows = m_source.query(QStringLiteral("postgres"), QStringLiteral("SELECT count(*) FROM pg_replication_slots"));
        QVERIFY(slotRows.has_value());
        QCOMPARE(slotRows->text(0, 0), QStringLiteral("0"));
        QCOMPARE(h->arm("GET", flexPath() + QStringLiteral("/migrations/old1?api-version=2021-06-15-privatepreview"), h->token(kContributor)).status, 404);
    }

    void sameWithFaults()
    {
        fm::emulator::FaultConfig f;
        f.throttleEveryNth = 3;
        f.retryAfterSeconds = 1;
        f.error503Rate = 0.15;
        f.delayMs = 50;
        f.seed = 5;
        f.tokenEndpoint = true;
        h->emu->setFaults(f);
        runScenario(QStringLiteral("flakydb"), QStringLiteral("cli2"));
    }
};

QTEST_GUILESS_MAIN(TestEmulatorCli)
#include "tst_emulatorcli.moc"
