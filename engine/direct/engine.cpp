// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/direct/engine.h"

#include "engine/direct/changecapture.h"
#include "engine/direct/cleanupstep.h"
#include "engine/direct/copystep.h"
#include "engine/direct/cutoverstep.h"
#include "engine/direct/schemastep.h"
#include "engine/direct/snapshotstep.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSysInfo>
#include <QDir>
#include <QStandardPaths>

namespace fm::direct {

const char *tableStateName(int s)
{
    static const char *names[] = {"queued", "copying", "copied", "indexing", "resyncing", "streaming", "done"};
    return s >= 0 && s <= Done ? names[s] : "unknown";
}

QString sanitize(const QString &s)
{
    QString out;
    for (QChar ch : s.toLower())
        out += (ch >= QLatin1Char('a') && ch <= QLatin1Char('z')) || (ch >= QLatin1Char('0') && ch <= QLatin1Char('9')) ? ch : QLatin1Char('_');
    return out;
}

QString textArray(const QStringList &values)
{
    QStringList quoted;
    for (QString v : values) {
        v.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        v.replace(QLatin1Char('"'), QStringLiteral("\\\""));
        quoted << QLatin1Char('"') + v + QLatin1Char('"');
    }
    return QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
}

Engine::Engine(DirectOptions o) : opt(std::move(o)), journal(resolveJournalPath(opt)) {}

Engine::~Engine() = default;

QString Engine::resolveJournalPath(const DirectOptions &o)
{
    if (!o.journalPath.isEmpty())
        return o.journalPath;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share/flexmigrate");
    return dir + QStringLiteral("/direct/") + sanitize(o.name) + QStringLiteral(".json");
}

QString Engine::phaseOf(const DbRun &d) const
{
    std::lock_guard lock(mutex);
    return d.phase;
}

void Engine::startAnalyze(DbRun &d)
{
    const QString db = d.name;
    analyzers.emplace_back([this, db] {
        const auto t0 = Clock::now();
        auto tgt = pg::Connection::open(targetFor(db), &cancel);
        if (!tgt)
            return;
        if (auto r = tgt->exec(QStringLiteral("ANALYZE"), {}, &cancel); !r) {
            if (!r.error().isCancelled())
                log()->warn("ANALYZE of {} on the target failed: {}", db, r.error().toDisplayString());
            return;
        }
        event({{"event", "analyzed"}, {"database", js(db)}, {"seconds", secondsSince(t0)}});
    });
}
void Engine::joinAnalyzers()
{
    for (auto &t : analyzers)
        if (t.joinable())
            t.join();
    analyzers.clear();
}


void Engine::event(nlohmann::json e)
{
    e["time"] = js(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    std::lock_guard lock(mutex);
    events.push_back(std::move(e));
}
void Engine::setState(const QString &s)
{
    std::lock_guard lock(mutex);
    state = s;
}
void Engine::saveJournal()
{
    std::lock_guard lock(journal.mutex);
    if (auto r = journal.save(); !r)
        log()->warn("{}", r.error().toDisplayString());
}
void Engine::setPhase(DbRun &d, const QString &phase, bool persist)
{
    {
        std::lock_guard lock(mutex);
        d.phase = phase;
    }
    if (persist) {
        {
            std::lock_guard lock(journal.mutex);
            journal.databases[d.name].phase = phase;
        }
        saveJournal();
    }
    event({{"event", "phase"}, {"database", js(d.name)}, {"phase", js(phase)}});
}

void Engine::setTables(DbRun &d, TableState s)
{
    for (auto &t : d.tables)
        t->state = s;
}


Expected<pg::Connection> Engine::openSourceWritable(const QString &db, CancelToken *c)
{
    auto conn = pg::Connection::open(sourceFor(db), c);
    if (!conn)
        return conn;
    if (auto r = conn->exec(QStringLiteral("SET default_transaction_read_only = off")); !r)
        return fail(r.error());
    return conn;
}

bool Engine::sleepFor(int ms)
{
    const auto until = Clock::now() + std::chrono::milliseconds(ms);
    while (Clock::now() < until) {
        if (cancel.isCancelled())
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(ms, 20)));
    }
    return !cancel.isCancelled();
}

bool Engine::retryAfter(const DbRun &d, int attempt, const Error &lost, const QString &what, const CancelToken &c)
{
    log()->warn("{}: connection lost ({}); retry {} of {}", what.toStdString(), lost.message.toStdString(), attempt, kRetries);
    event({{"event", "retry"}, {"database", js(d.name)}, {"what", js(what)}, {"attempt", attempt}, {"reason", js(lost.message)}});
    const auto until = Clock::now() + std::chrono::milliseconds(500 << (attempt - 1));
    while (Clock::now() < until && !c.isCancelled())
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    return !c.isCancelled();
}

Expected<void> Engine::withRetries(const DbRun &d, const QString &what, const CancelToken &c, const std::function<Expected<void>(int attempt)> &work)
{
    Expected<void> r = work(0);
    for (int attempt = 1; !r && attempt <= kRetries && r.error().isConnectionLost() && !c.isCancelled(); ++attempt) {
        if (!retryAfter(d, attempt, r.error(), what, c))
            break;
        r = work(attempt);
    }
    return r;
}

void Engine::run()
{
    Expected<void> r = runAll();
    {
        // A change capture that failed on its own thread stopped the run with
        // cancel(); its error, not "cancelled", is the result (issue 8).
        std::lock_guard lock(mutex);
        if (!r && r.error().isCancelled() && captureFailure)
            r = fail(*captureFailure);
    }
    if (!r)
        cancel.cancel(); // stops a running ANALYZE before the cleanup
    joinAnalyzers();
    closeMonitors();
    QString finalState;
    if (!r && !initialized) {
        // Bad input or an unusable journal: nothing was created, nothing is written.
        std::lock_guard lock(mutex);
        state = QStringLiteral("failed");
        res = r;
        error = r.error().toDisplayString();
        events.push_back({{"event", "error"}, {"message", js(r.error().message)}, {"code", js(r.error().code)}, {"fix", js(r.error().fix)}});
        events.push_back({{"event", "finished"}, {"state", "failed"}});
        finished = true;
        return;
    }
    if (r) {
        finalState = QStringLiteral("done");
    } else if (r.error().isCancelled() && stopKind == StopKind::Stop) {
        event({{"event", "stopping"}});
        CleanupStep(*this).cleanupAll(false);
        finalState = QStringLiteral("stopped");
        r = {};
    } else {
        const bool cancelled = r.error().isCancelled();
        if (!cancelled) {
            log()->error("direct migration failed: {}", r.error().toDisplayString());
            event({{"event", "error"}, {"message", js(r.error().message)}, {"code", js(r.error().code)}, {"fix", js(r.error().fix)}});
        }
        // A database this run created holds an unusable partial copy: it goes too.
        CleanupStep(*this).cleanupAll(true);
        finalState = cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed");
    }
    {
        std::lock_guard lock(journal.mutex);
        journal.state = finalState;
    }
    saveJournal();
    {
        std::lock_guard lock(mutex);
        state = finalState;
        res = r;
        if (!r)
            error = r.error().toDisplayString();
    }
    event({{"event", "finished"}, {"state", js(finalState)}});
    finished = true;
}

void Engine::closeMonitors()
{
    for (auto &d : dbs) {
        d->srcHb.reset();
        d->tgtMon.reset();
    }
    tgtAdmin.reset();
}

Expected<void> Engine::runAll()
{
    if (opt.databases.isEmpty())
        return fail(Error::validation(QStringLiteral("NoDatabase"), QStringLiteral("Name at least one database to migrate (--db).")));
    if (opt.jobs < 1 || opt.jobs > 64)
        return fail(Error::validation(QStringLiteral("BadJobs"), QStringLiteral("--jobs must be between 1 and 64.")));
    pgDump = findPgDump(opt.pgBinDir);

    // Journal: a fresh run refuses to overwrite an interrupted one.
    {
        std::lock_guard lock(journal.mutex);
        auto loaded = journal.load();
        if (!loaded)
            return fail(loaded.error());
        if (opt.resume && !*loaded)
            return fail(Error::validation(QStringLiteral("NothingToResume"),
                                          QStringLiteral("Nothing to resume: there is no journal for migration \"%1\" (%2).").arg(opt.name, journal.path()),
                                          QStringLiteral("Run without --resume to start, or give the same --name/--journal as before.")));
        if (*loaded && journal.ownerAlive() && journal.ownerPid != QCoreApplication::applicationPid())
            return fail(Error::validation(QStringLiteral("MigrationRunning"),
                                          QStringLiteral("Migration \"%1\" is running in process %2 (journal %3).").arg(opt.name).arg(journal.ownerPid).arg(journal.path()),
                                          QStringLiteral("Watch or stop that process; resume only once it has ended.")));
        if (!opt.resume && *loaded && journal.state == QLatin1String("running"))
            return fail(Error::validation(QStringLiteral("InterruptedMigration"),
                                          QStringLiteral("Migration \"%1\" was interrupted and can be resumed (journal %2).").arg(opt.name, journal.path()),
                                          QStringLiteral("Run again with --resume to continue (interrupting that run with Ctrl-C removes every replication object), or choose another --name.")));
        if (!opt.resume || journal.state != QLatin1String("running")) {
            if (opt.resume)
                return fail(Error::validation(QStringLiteral("NothingToResume"),
                                              QStringLiteral("Nothing to resume: migration \"%1\" already ended (%2).").arg(opt.name, journal.state),
                                              QStringLiteral("Run without --resume to start again.")));
            journal.databases.clear();
        }
        initialized = true;
        journal.name = opt.name;
        journal.source = opt.source.displayName();
        journal.target = opt.target.displayName();
        journal.state = QStringLiteral("running");
        journal.ownerPid = QCoreApplication::applicationPid();
        journal.ownerHost = QSysInfo::machineHostName();
        for (const QString &db : opt.databases) {
            JournalDatabase &jd = journal.databases[db];
            if (jd.slot.isEmpty()) {
                jd.slot = objectName(opt.name, db);
                jd.publication = jd.slot;
                jd.subscription = jd.slot;
                jd.heartbeatSchema = objectName(opt.name, QStringLiteral("hb"));
            }
        }
    }
    for (const QString &db : opt.databases) {
        auto d = std::make_unique<DbRun>();
        d->name = db;
        const JournalDatabase &jd = journal.databases[db];
        d->slot = jd.slot;
        d->publication = jd.publication;
        d->subscription = jd.subscription;
        d->hbSchema = jd.heartbeatSchema;
        d->phase = jd.phase == QLatin1String("indexed") ? QStringLiteral("copied") : jd.phase;
        std::lock_guard lock(mutex);
        dbs.push_back(std::move(d));
    }
    saveJournal();

    if (auto r = checkServers(); !r)
        return r;

    setState(QStringLiteral("copying"));
    {
        // Databases are brought to streaming one after another; those already
        // streaming keep their lag and counters fresh meanwhile (the dashboard
        // shows them) on a monitor thread, the only user of their srcHb/tgtMon
        // connections until it is joined here, before streamUntilCutover().
        std::atomic<bool> copiesDone{false};
        std::atomic<size_t> broughtUp{0}; // dbs[0, broughtUp) are through bringToStreaming()
        std::thread monitor([this, &copiesDone, &broughtUp] {
            while (!copiesDone && !cancel.isCancelled()) {
                for (size_t i = 0; i < broughtUp && !copiesDone; ++i)
                    pollStreaming(*this, *dbs[i]); // only when its phase is "streaming"
                for (int waited = 0; waited < opt.heartbeatMs && !copiesDone && !cancel.isCancelled(); waited += 20)
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        });
        struct Join {
            std::atomic<bool> &done;
            std::thread &t;
            ~Join()
            {
                done = true;
                t.join();
            }
        } join{copiesDone, monitor};
        for (auto &d : dbs) {
            if (auto r = bringToStreaming(*d); !r)
                return r;
            ++broughtUp;
        }
    }
    setState(QStringLiteral("streaming"));
    return streamUntilCutover();
}

// ------------------------------------------------------------------ checks
Expected<void> Engine::checkServers()
{
    auto src = pg::Connection::open(opt.source, &cancel);
    if (!src)
        return fail(src.error());
    auto s = src->execNamed(QStringLiteral("direct/role"), {}, &cancel);
    if (!s)
        return fail(s.error());
    tgtAdmin.emplace();
    auto tgt = pg::Connection::open(opt.target, &cancel);
    if (!tgt)
        return fail(tgt.error());
    *tgtAdmin = std::move(*tgt);
    auto t = tgtAdmin->execNamed(QStringLiteral("direct/role"), {}, &cancel);
    if (!t)
        return fail(t.error());
    if (s->text(0, "wal_level") != QLatin1String("logical"))
        return fail(directError(QStringLiteral("SourceNotLogical"),
                                QStringLiteral("The source has wal_level=%1; change capture needs wal_level=logical.").arg(s->text(0, "wal_level")),
                                QStringLiteral("ALTER SYSTEM SET wal_level = logical and restart the source (on Azure Single Server: azure.replication_support = logical).")));
    if (!s->toBool(0, "is_superuser") && !s->toBool(0, "has_replication"))
        return fail(directError(QStringLiteral("SourceNoReplication"),
                                QStringLiteral("The source user %1 may not create replication slots (needs REPLICATION or superuser).").arg(opt.source.roleName()),
                                QStringLiteral("ALTER ROLE %1 WITH REPLICATION.").arg(pg::quoteIdent(opt.source.roleName()))));
    const int freeSlots = int(s->toInt(0, "max_slots") - s->toInt(0, "slots_used"));
    if (!opt.resume && freeSlots < opt.databases.size())
        return fail(directError(QStringLiteral("SourceNoSlots"),
                                QStringLiteral("The source has %1 free replication slot(s); %2 database(s) need one each.").arg(freeSlots).arg(opt.databases.size()),
                                QStringLiteral("Raise max_replication_slots on the source (restart needed) or drop unused slots.")));
    // The seam (changecapture.h): how changes will reach the target, or why they cannot.
    auto chosen = chooseChangeCapture(*this, *s, *t);
    if (!chosen)
        return fail(chosen.error());
    capture = std::move(*chosen);
    if (capture->kind() == QLatin1String("subscription")
        && t->toInt(0, "max_lr_workers") < t->toInt(0, "subscriptions") + opt.databases.size())
        event({{"event", "warning"},
               {"message", js(QStringLiteral("The target allows %1 logical replication workers and will have %2 subscriptions; some may wait for a worker.")
                                  .arg(t->toInt(0, "max_lr_workers")).arg(t->toInt(0, "subscriptions") + opt.databases.size()))}});
    return {};
}


Expected<void> Engine::loadTables(DbRun &d, pg::Connection &src)
{
    auto r = src.execNamed(QStringLiteral("direct/tables"), {}, &cancel);
    if (!r)
        return fail(r.error());
    std::vector<std::unique_ptr<TableRun>> tables;
    QStringList units;
    for (int i = 0; i < r->rows(); ++i) {
        auto t = std::make_unique<TableRun>();
        t->schema = r->text(i, "schema");
        t->name = r->text(i, "name");
        t->rootSchema = r->text(i, "root_schema");
        t->rootName = r->text(i, "root_name");
        t->columns = r->text(i, "columns");
        t->replident = r->text(i, "replident");
        t->hasIdentity = r->toBool(i, "has_identity");
        t->ownAutovacuum = r->toBool(i, "own_autovacuum");
        t->textFormat = r->toBool(i, "needs_text");
        t->heapBytes = r->toInt(i, "heap_bytes");
        t->bytes = r->toInt(i, "bytes");
        t->estRows = r->toInt(i, "est_rows");
        t->blockSize = std::max<qint64>(1024, r->toInt(i, "block_size"));
        if (t->schema == t->rootSchema && t->name == t->rootName)
            units << t->qualified();
        if (r->text(i, "relkind") == QLatin1String("r"))
            tables.push_back(std::move(t));
    }
    std::lock_guard lock(mutex);
    d.tables = std::move(tables);
    d.units = units;
    return {};
}

Expected<void> Engine::bringToStreaming(DbRun &d)
{
    QString phase;
    {
        std::lock_guard lock(mutex);
        phase = d.phase;
    }
    auto src = openSourceWritable(d.name, &cancel);
    if (!src)
        return fail(src.error());
    bool captureStopped = false;
    {
        std::lock_guard lock(journal.mutex);
        captureStopped = jdb(d).captureStopped;
    }
    if (phase == QLatin1String("cutover") && captureStopped) {
        // Killed after the cutover drained this database and stopped its change
        // capture: the target is complete; only the cleanup is left to do.
        if (auto r = loadTables(d, *src); !r)
            return r;
        auto tgt = pg::Connection::open(targetFor(d.name), &cancel);
        if (!tgt)
            return fail(tgt.error());
        src = pg::Connection(); // cleanupSource opens its own
        CutoverStep(*this).finish(d, *tgt);
        event({{"event", "cutover-cleanup-resumed"}, {"database", js(d.name)}});
        return {};
    }
    if (phase == QLatin1String("done")) {
        if (auto r = loadTables(d, *src); !r)
            return r;
        setTables(d, Done);
        return {};
    }
    if (phase == QLatin1String("queued") || phase == QLatin1String("preparing") || phase == QLatin1String("cleaned")) {
        if (phase == QLatin1String("preparing"))
            CleanupStep(*this).cleanupDb(d, /*dropCreatedTarget=*/true);
        if (auto r = prepareAndCopy(d, *src); !r) {
            // The copy lost a connection that its workers could not get back on the
            // exported snapshot (the exporting session went too, or a server restarted):
            // the run goes on as a --resume would (the change capture copies the unfinished
            // tables again consistently), instead of failing and starting over.
            if (!r.error().isConnectionLost() || cancel.isCancelled() || phaseOf(d) != QLatin1String("copying"))
                return r;
            return recoverCopy(d, r.error());
        }
        phase = QStringLiteral("copied");
    } else if (phase == QLatin1String("copying")) {
        // The exported snapshot died with the previous process: the change
        // capture copies the unfinished tables again (subscription: table sync).
        if (auto r = loadTables(d, *src); !r)
            return r;
        return resumeCopying(d, *src);
    } else if (auto r = loadTables(d, *src); !r) {
        return r;
    }
    if (phase == QLatin1String("copied")) {
        const bool resumed = d.postData.isEmpty();
        setPhase(d, QStringLiteral("indexing"), false);
        if (auto r = SchemaStep(*this).buildPostData(d, resumed); !r)
            return r;
        {
            std::lock_guard lock(journal.mutex);
            jdb(d).phase = QStringLiteral("indexed");
        }
        saveJournal();
        phase = QStringLiteral("indexed");
    }
    if (phase == QLatin1String("indexed") || phase == QLatin1String("streaming") || phase == QLatin1String("cutover")) {
        if (auto r = capture->start(d); !r)
            return r;
        setTables(d, Streaming);
        setPhase(d, QStringLiteral("streaming"));
        event({{"event", "streaming"}, {"database", js(d.name)}});
        startAnalyze(d);
    }
    return {};
}

Expected<void> Engine::ensureTargetDatabase(DbRun &d, bool allowExisting)
{
    auto exists = tgtAdmin->exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), {d.name}, &cancel);
    if (!exists)
        return fail(exists.error());
    if (exists->rows() == 0) {
        if (auto r = tgtAdmin->exec(QStringLiteral("CREATE DATABASE %1").arg(pg::quoteIdent(d.name)), {}, &cancel); !r)
            return fail(r.error());
        {
            std::lock_guard lock(journal.mutex);
            jdb(d).createdTargetDatabase = true;
        }
        saveJournal();
        return {};
    }
    if (allowExisting)
        return {};
    auto tgt = pg::Connection::open(targetFor(d.name), &cancel);
    if (!tgt)
        return fail(tgt.error());
    auto n = tgt->execNamed(QStringLiteral("direct/user_table_count"), {}, &cancel);
    if (!n)
        return fail(n.error());
    if (n->toInt(0, "tables") > 0)
        return fail(directError(QStringLiteral("TargetNotEmpty"),
                                QStringLiteral("The target database \"%1\" already has %2 table(s); the direct engine copies into an empty database.")
                                    .arg(d.name).arg(n->toInt(0, "tables")),
                                QStringLiteral("Drop the target database (or its tables) first, or resume the earlier run with --resume.")));
    return {};
}

Expected<void> Engine::prepareAndCopy(DbRun &d, pg::Connection &src)
{
    setPhase(d, QStringLiteral("preparing"));
    if (auto r = ensureTargetDatabase(d, false); !r)
        return r;
    if (auto r = loadTables(d, src); !r)
        return r;
    SnapshotStep snapshotStep(*this);
    if (auto r = snapshotStep.prepareSource(d, src); !r)
        return r;
    auto snapshot = snapshotStep.createSlot(d);
    if (!snapshot)
        return fail(snapshot.error());
    if (auto r = SchemaStep(*this).createPreData(d, snapshot->name); !r)
        return r;

    setPhase(d, QStringLiteral("copying"));
    event({{"event", "copy-started"}, {"database", js(d.name)}});
    d.copyStart = Clock::now();
    if (auto r = CopyStep(*this).copyTables(d, snapshot->name, &snapshot->connection, /*resumed=*/false); !r)
        return r;
    d.copySeconds = secondsSince(d.copyStart);
    qint64 rows = 0, bytes = 0;
    for (const auto &t : d.tables) {
        rows += t->rows;
        bytes += t->bytesCopied;
    }
    setPhase(d, QStringLiteral("copied"));
    event({{"event", "copy-finished"}, {"database", js(d.name)}, {"seconds", d.copySeconds}, {"rows", rows}, {"bytes", bytes}});
    return {};
}

Expected<void> Engine::recoverCopy(DbRun &d, const Error &lost)
{
    log()->warn("copy of {} interrupted: {}; resuming", d.name.toStdString(), lost.message.toStdString());
    event({{"event", "copy-interrupted"}, {"database", js(d.name)}, {"reason", js(lost.message)}});
    // Index builds of the copy streams commit asynchronously: after a target
    // crash one may be gone. All are run again; those that exist are tolerated.
    d.postDone.clear();
    // Both servers must answer again (a restart takes seconds): up to a minute.
    const auto until = Clock::now() + std::chrono::seconds(60);
    for (int wait = 500;; wait = std::min(wait * 2, 5000)) {
        auto src = openSourceWritable(d.name, &cancel);
        Expected<pg::Connection> tgt = src ? pg::Connection::open(targetFor(d.name), &cancel) : fail(src.error());
        if (src && tgt)
            return resumeCopying(d, *src);
        const Error &err = src ? tgt.error() : src.error();
        if (!err.isConnectionLost() || Clock::now() >= until)
            return fail(err.isConnectionLost() ? lost : err);
        if (!sleepFor(wait))
            return fail(Error::cancelled());
    }
}

Expected<void> Engine::resumeCopying(DbRun &d, pg::Connection &src)
{
    QStringList done;
    {
        std::lock_guard lock(journal.mutex);
        done = jdb(d).doneUnits;
    }
    QStringList unfinished;
    for (const QString &u : d.units)
        if (!done.contains(u))
            unfinished << u;
    event({{"event", "resume"}, {"database", js(d.name)}, {"copiedTables", qint64(done.size())}, {"tablesToResync", qint64(unfinished.size())}});
    if (auto r = capture->resumeCopy(d, src, unfinished, [&] { return SchemaStep(*this).buildPostData(d, true); }); !r)
        return r;
    setPhase(d, QStringLiteral("streaming"));
    event({{"event", "streaming"}, {"database", js(d.name)}, {"resyncing", qint64(unfinished.size())}});
    startAnalyze(d);
    return {};
}

QString Engine::cutoverRefusalLocked() const
{
    for (const auto &d : dbs) {
        if (d->phase == QLatin1String("done"))
            continue;
        if (d->phase == QLatin1String("cutover"))
            return QStringLiteral("The cutover of database \"%1\" is already running.").arg(d->name);
        if (d->phase != QLatin1String("streaming")) {
            qint64 rows = 0, total = 0;
            for (const auto &t : d->tables) {
                rows += t->rows;
                total += std::max<qint64>(t->estRows, t->rows);
            }
            return QStringLiteral("The initial copy of database \"%1\" is not finished (phase %2, %3% of rows copied); cutover is possible once it streams changes.")
                .arg(d->name, d->phase)
                .arg(total > 0 ? int(100 * rows / total) : 0);
        }
        for (const auto &t : d->tables)
            if (t->state == Resyncing)
                return QStringLiteral("Table %1 of database \"%2\" is still being copied again after the resume.").arg(t->qualified(), d->name);
    }
    if (state != QLatin1String("streaming"))
        return QStringLiteral("The migration is %1.").arg(state);
    return {};
}

Expected<void> Engine::streamUntilCutover()
{
    auto lastPoll = Clock::now() - std::chrono::hours(1);
    for (;;) {
        if (cancel.isCancelled())
            return fail(Error::cancelled());
        if (Clock::now() - lastPoll >= std::chrono::milliseconds(opt.heartbeatMs)) {
            lastPoll = Clock::now();
            for (auto &d : dbs)
                pollStreaming(*this, *d);
        }
        QString refusal;
        {
            std::lock_guard lock(mutex);
            refusal = cutoverRefusalLocked();
        }
        bool go = cutoverRequested.load() && refusal.isEmpty();
        if (opt.cutover == CutoverMode::Ready && refusal.isEmpty()) {
            bool all = true;
            for (auto &d : dbs)
                all = all && (d->caughtUp || d->phase == QLatin1String("done"));
            go = go || all;
        }
        if (go)
            return CutoverStep(*this).run();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}


DirectStatus Engine::status() const
{
    std::lock_guard lock(mutex);
    DirectStatus s;
    s.state = state;
    s.error = error;
    s.changeCapture = captureName;
    s.elapsedSeconds = secondsSince(started);
    bool anyLag = false;
    for (const auto &d : dbs) {
        DatabaseStatus ds;
        ds.name = d->name;
        ds.phase = d->phase;
        ds.slot = d->slot;
        ds.publication = d->publication;
        ds.subscription = d->subscription;
        ds.copySeconds = d->copySeconds > 0 ? d->copySeconds : (d->phase == QLatin1String("copying") ? secondsSince(d->copyStart) : 0);
        const bool streaming = d->phase == QLatin1String("streaming") || d->phase == QLatin1String("cutover");
        ds.lagBytes = streaming ? d->lagBytes.load() : -1;
        ds.lagSeconds = streaming ? d->lagSeconds : -1;
        for (const auto &t : d->tables) {
            if (t->schema == d->hbSchema)
                continue;
            TableStatus ts;
            ts.schema = t->schema;
            ts.name = t->name;
            ts.state = QString::fromLatin1(tableStateName(t->state));
            ts.rowsCopied = t->rows;
            ts.bytesCopied = t->bytesCopied;
            const bool copied = t->state != Queued && t->state != Copying && t->state != Resyncing;
            ts.rowsTotal = copied ? ts.rowsCopied : std::max(t->estRows, ts.rowsCopied);
            // Until a table is copied its size on disk stands in for the stream size.
            ts.bytesTotal = copied ? ts.bytesCopied : std::max(t->bytes, ts.bytesCopied);
            ts.inserts = t->ins;
            ts.updates = t->upd;
            ts.deletes = t->del;
            ds.rowsCopied += ts.rowsCopied;
            ds.rowsTotal += ts.rowsTotal;
            ds.bytesCopied += ts.bytesCopied;
            ds.bytesTotal += ts.bytesTotal;
            ds.tables.push_back(ts);
        }
        s.rowsCopied += ds.rowsCopied;
        s.rowsTotal += ds.rowsTotal;
        s.bytesCopied += ds.bytesCopied;
        s.bytesTotal += ds.bytesTotal;
        if (ds.lagBytes >= 0) {
            anyLag = true;
            s.lagBytes = std::max(s.lagBytes, ds.lagBytes);
            s.lagSeconds = std::max(s.lagSeconds, ds.lagSeconds);
        }
        s.databases.push_back(std::move(ds));
    }
    if (!anyLag) {
        s.lagBytes = -1;
        s.lagSeconds = -1;
    }
    const auto now = Clock::now();
    samples.emplace_back(now, s.rowsCopied, s.bytesCopied);
    while (samples.size() > 2 && std::chrono::duration<double>(now - std::get<0>(samples.front())).count() > 3.0)
        samples.pop_front();
    const double dt = std::chrono::duration<double>(now - std::get<0>(samples.front())).count();
    if (dt > 0.2) {
        s.rowsPerSecond = double(s.rowsCopied - std::get<1>(samples.front())) / dt;
        s.mbPerSecond = double(s.bytesCopied - std::get<2>(samples.front())) / dt / (1024.0 * 1024.0);
    }
    if (state == QLatin1String("copying") || state == QLatin1String("starting"))
        s.etaSeconds = s.rowsPerSecond > 0 ? double(std::max<qint64>(0, s.rowsTotal - s.rowsCopied)) / s.rowsPerSecond : -1;
    else
        s.etaSeconds = state == QLatin1String("done") || state == QLatin1String("streaming") ? 0 : -1;
    s.cutoverRefusal = cutoverRefusalLocked();
    s.cutoverAllowed = s.cutoverRefusal.isEmpty();
    return s;
}

} // namespace fm::direct
