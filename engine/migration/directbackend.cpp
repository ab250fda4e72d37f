// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/migration/directbackend.h"

#include "engine/core/logging.h"
#include "engine/direct/journal.h"

#include <QFile>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <cmath>

namespace fm::migration {

using S = MigrationStatus;

namespace {

S::ItemState tableState(const QString &s)
{
    if (s == QLatin1String("queued"))
        return S::ItemState::Pending;
    // Indexes are built per table as soon as it is copied: still part of the initial load.
    if (s == QLatin1String("copying") || s == QLatin1String("resyncing") || s == QLatin1String("copied") || s == QLatin1String("indexing"))
        return S::ItemState::Copying;
    if (s == QLatin1String("streaming"))
        return S::ItemState::Replicating;
    if (s == QLatin1String("done"))
        return S::ItemState::Succeeded;
    if (s == QLatin1String("failed"))
        return S::ItemState::Failed;
    return S::ItemState::Unknown;
}

S::ItemState databaseState(const QString &phase, const QString &engineState, bool waitsForUser)
{
    if (phase == QLatin1String("queued"))
        return S::ItemState::Pending;
    if (phase == QLatin1String("preparing"))
        return S::ItemState::Preparing;
    if (phase == QLatin1String("copying") || phase == QLatin1String("copied") || phase == QLatin1String("indexing") || phase == QLatin1String("indexed"))
        return S::ItemState::Copying;
    if (phase == QLatin1String("streaming"))
        return engineState == QLatin1String("cutover") ? S::ItemState::CuttingOver : waitsForUser ? S::ItemState::ReadyForCutover : S::ItemState::Replicating;
    if (phase == QLatin1String("cutover"))
        return S::ItemState::CuttingOver;
    if (phase == QLatin1String("done"))
        return S::ItemState::Succeeded;
    if (phase == QLatin1String("failed"))
        return S::ItemState::Failed;
    if (phase == QLatin1String("cancelled"))
        return S::ItemState::Canceled;
    // "cleaned": replication objects removed after a failure, cancel or stop.
    if (phase == QLatin1String("cleaned"))
        return engineState == QLatin1String("failed") ? S::ItemState::Failed : S::ItemState::Canceled;
    return S::ItemState::Unknown;
}

std::optional<qint64> nonNegative(qint64 v) { return v >= 0 ? std::optional<qint64>(v) : std::nullopt; }
std::optional<qint64> seconds(double v) { return v >= 0 ? std::optional<qint64>(qint64(std::llround(v))) : std::nullopt; }

} // namespace

DirectBackend::DirectBackend(direct::DirectOptions options, QObject *parent) : MigrationBackend(parent), m_options(std::move(options))
{
    m_timer = new QTimer(this);
    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, [this] { m_watchingJournal ? pollJournal() : poll(); });
}

DirectBackend::~DirectBackend()
{
    m_timer->stop();
    if (!m_engine)
        return;
    // DirectEngine's destructor joins the engine's threads after its cleanup,
    // which may take seconds: cancel now, destroy on a pool thread (see the
    // class comment for why the global pool).
    if (!m_engine->isFinished())
        m_engine->cancel();
    // Only the pool thread may own the engine from here: with a shared owner left on
    // this thread, whichever reference dies last runs the blocking destructor, and when
    // the pool thread is quicker that is this (UI) thread (seen under CI load: 3 s).
    direct::DirectEngine *engine = m_engine.release();
    QThreadPool::globalInstance()->start([engine] { delete engine; });
}

StoredMigration DirectBackend::record() const
{
    StoredMigration r;
    r.name = m_options.name;
    r.backend = Backend::Direct;
    r.databases = m_options.databases;
    r.directJournalPath = m_engine ? m_engine->journalPath() : m_options.journalPath;
    r.lastState = status().rawState;
    return r;
}

void DirectBackend::setPollInterval(int ms) { m_timer->setInterval(std::max(10, ms)); }

MigrationStatus DirectBackend::mapStatus(const direct::DirectStatus &ds, const direct::DirectOptions &options, bool cutoverRequested)
{
    S s;
    s.backend = QStringLiteral("direct");
    s.migrationName = options.name;
    s.rawState = ds.state;
    s.observedAt = QDateTime::currentDateTimeUtc();
    // Only a manual cutover waits for the user; Ready cuts over by itself and Never streams until stopped.
    const bool manual = options.cutover == direct::CutoverMode::Manual;
    const bool waitsForUser = manual && ds.state == QLatin1String("streaming") && ds.cutoverAllowed && !cutoverRequested;
    const QString &st = ds.state;
    if (st == QLatin1String("starting")) {
        s.state = S::State::InProgress;
        s.subState = S::SubState::Preparing;
    } else if (st == QLatin1String("copying")) {
        s.state = S::State::InProgress;
        s.subState = S::SubState::CopyingData;
    } else if (st == QLatin1String("streaming")) {
        if (cutoverRequested) {
            // Accepted by requestCutover(); the control thread switches to "cutover" at its next step.
            s.state = S::State::InProgress;
            s.subState = S::SubState::CuttingOver;
        } else if (waitsForUser) {
            s.state = S::State::WaitingForUser;
            s.subState = S::SubState::ReadyForCutover;
            s.requiredAction = QStringLiteral("cutover");
        } else {
            s.state = S::State::InProgress;
            s.subState = S::SubState::Replicating;
        }
    } else if (st == QLatin1String("cutover")) {
        s.state = S::State::InProgress;
        s.subState = S::SubState::CuttingOver;
    } else if (st == QLatin1String("done")) {
        s.state = S::State::Succeeded;
        s.subState = S::SubState::Completed;
    } else if (st == QLatin1String("failed")) {
        s.state = S::State::Failed;
    } else if (st == QLatin1String("cancelled") || st == QLatin1String("stopped")) {
        // "stopped" is the normal end of CutoverMode::Never: the data stayed on the source side.
        s.state = S::State::Canceled;
    } else {
        s.state = S::State::Unknown;
        s.subState = S::SubState::Unknown;
    }
    if (s.subState != S::SubState::None)
        s.rawSubState = toString(s.subState);

    for (const auto &d : ds.databases) {
        S::DatabaseProgress p;
        p.name = d.name;
        p.rawState = d.phase;
        p.state = databaseState(d.phase, cutoverRequested && st == QLatin1String("streaming") ? QStringLiteral("cutover") : st, waitsForUser);
        p.counters.fullLoadRows = d.rowsCopied;
        p.counters.fullLoadBytes = d.bytesCopied;
        qint64 queued = 0, loading = 0, completed = 0, ins = 0, upd = 0, del = 0;
        for (const auto &t : d.tables) {
            S::TableProgress tp;
            tp.name = t.schema + QLatin1Char('.') + t.name;
            tp.rawState = t.state;
            tp.state = tableState(t.state);
            if (tp.state == S::ItemState::Replicating && p.state == S::ItemState::ReadyForCutover)
                tp.state = S::ItemState::ReadyForCutover;
            tp.totalRows = t.rowsTotal;
            tp.counters.fullLoadRows = t.rowsCopied;
            tp.counters.fullLoadBytes = t.bytesCopied;
            tp.counters.cdcInserts = t.inserts;
            tp.counters.cdcUpdates = t.updates;
            tp.counters.cdcDeletes = t.deletes;
            tp.counters.appliedChanges = t.inserts + t.updates + t.deletes;
            p.tables.append(tp);
            if (t.state == QLatin1String("queued"))
                ++queued;
            else if (t.state == QLatin1String("copying") || t.state == QLatin1String("resyncing"))
                ++loading;
            else
                ++completed;
            ins += t.inserts;
            upd += t.updates;
            del += t.deletes;
        }
        p.tablesQueued = queued;
        p.tablesLoading = loading;
        p.tablesCompleted = completed;
        p.tablesErrored = 0;
        p.counters.cdcInserts = ins;
        p.counters.cdcUpdates = upd;
        p.counters.cdcDeletes = del;
        p.counters.appliedChanges = ins + upd + del;
        p.lag.bytes = nonNegative(d.lagBytes);
        p.lag.seconds = seconds(d.lagSeconds);
        s.databases.append(p);
    }
    // A cancel or stop also leaves its text in `error`; that is no failure to show.
    if (!ds.error.isEmpty() && s.state != S::State::Canceled)
        s.errors.append({ds.error, {}, {}, {}, {}, s.observedAt});
    s.recomputeTotals();
    return s;
}

Expected<direct::DirectOptions> DirectBackend::optionsFromSpec(const MigrationSpec &spec)
{
    if (spec.backend != Backend::Direct)
        return fail(Error::validation(QStringLiteral("WrongBackend"), QStringLiteral("The spec \"%1\" is for the %2 backend, not direct.").arg(spec.name, backendName(spec.backend))));
    if (auto ok = spec.check(); !ok)
        return fail(ok.error());
    auto endpoint = [](const ServerEndpoint &e) {
        pg::ConnectionParams p;
        p.host = e.host;
        p.port = e.port;
        p.user = e.user;
        p.sslmode = e.sslMode;
        return p;
    };
    direct::DirectOptions o;
    o.source = endpoint(spec.source);
    o.target = endpoint(spec.target);
    o.databases = spec.databases;
    o.name = spec.name;
    o.jobs = std::max(1, spec.options.jobs);
    o.cutover = spec.options.cutover == CutoverMode::Automatic ? direct::CutoverMode::Ready : direct::CutoverMode::Manual;
    o.freezeWrites = spec.options.freezeWritesAtCutover;
    return o;
}

void DirectBackend::start(const StartCredentials &credentials, ActionCallback done)
{
    if (m_engine) {
        deliverLater(std::move(done), fail(Error::validation(QStringLiteral("AlreadyStarted"), QStringLiteral("This direct migration was already started."))));
        return;
    }
    if (!credentials.sourcePassword.isEmpty())
        m_options.source.password = credentials.sourcePassword;
    if (!credentials.targetPassword.isEmpty())
        m_options.target.password = credentials.targetPassword;
    if (m_watchingJournal) {
        deliverLater(std::move(done), fail(Error::validation(QStringLiteral("MigrationRunning"),
                                                             QStringLiteral("Migration \"%1\" is running in process %2.").arg(m_options.name).arg(m_ownerPid),
                                                             QStringLiteral("Watch it here; stop or cut it over in that process."))));
        return;
    }
    if (m_resumeOnStart)
        m_options.resume = true;
    startEngine();
    deliverLater(std::move(done), {});
}

void DirectBackend::startEngine()
{
    m_engine = std::make_unique<direct::DirectEngine>(m_options);
    m_startedOn = QDateTime::currentDateTimeUtc();
    m_engine->start();
    m_timer->start();
    fm::logging::get("engine.migration")->info("direct migration '{}' {} ({} databases)", m_options.name, m_options.resume ? "resumed" : "started",
                                               m_options.databases.size());
    poll();
}

MigrationStatus DirectBackend::statusFromJournal(const QString &state, const std::map<QString, QString> &phases) const
{
    direct::DirectStatus ds;
    ds.state = state;
    if (state == QLatin1String("running")) {
        // The engine's run state follows from the database phases (DirectEngine::status()).
        bool copying = false, cutover = false;
        for (const auto &[db, phase] : phases) {
            copying = copying || (phase != QLatin1String("streaming") && phase != QLatin1String("cutover") && phase != QLatin1String("done"));
            cutover = cutover || phase == QLatin1String("cutover");
        }
        ds.state = copying ? QStringLiteral("copying") : cutover ? QStringLiteral("cutover") : QStringLiteral("streaming");
    }
    for (const QString &db : m_options.databases) {
        direct::DatabaseStatus d;
        d.name = db;
        auto it = phases.find(db);
        // "indexed" is journal-only: the engine shows it as copied.
        d.phase = it == phases.end() ? QStringLiteral("queued") : it->second == QLatin1String("indexed") ? QStringLiteral("copied") : it->second;
        ds.databases.push_back(d);
    }
    // Not cutoverAllowed: the cutover belongs to whoever runs the engine.
    MigrationStatus s = mapStatus(ds, m_options, false);
    s.startedOn = m_startedOn;
    return s;
}

void DirectBackend::pollJournal()
{
    direct::Journal journal(direct::journalPathFor(m_options));
    auto loaded = journal.load();
    if (!loaded || !*loaded)
        return; // mid-rewrite (QSaveFile renames atomically, but it may be gone after remove): next tick
    std::map<QString, QString> phases;
    for (const auto &[db, jd] : journal.databases)
        phases[db] = jd.phase;
    MigrationStatus s = statusFromJournal(journal.state, phases);
    if (journal.state == QLatin1String("running") && !journal.ownerAlive()) {
        // The other process died: resumable from here.
        m_watchingJournal = false;
        m_resumeOnStart = true;
        m_timer->stop();
        s.state = S::State::WaitingForUser;
        s.requiredAction = QStringLiteral("resume");
    } else if (s.isTerminal()) {
        m_timer->stop();
        m_watchingJournal = false;
    }
    setStatus(std::move(s));
}

void DirectBackend::observe(ActionCallback done)
{
    if (m_engine || m_watchingJournal) {
        deliverLater(std::move(done), {}); // already attached
        return;
    }
    const QString path = direct::journalPathFor(m_options);
    direct::Journal journal(path);
    auto loaded = journal.load(); // a small local file: fine on this thread
    if (!loaded) {
        deliverLater(std::move(done), fail(loaded.error()));
        return;
    }
    if (!*loaded) {
        deliverLater(std::move(done), fail(Error::validation(QStringLiteral("NotFound"),
                                                             QStringLiteral("There is no journal of direct migration \"%1\" (%2).").arg(m_options.name, path),
                                                             QStringLiteral("Start the migration; a journal is written as soon as it runs."))));
        return;
    }
    std::map<QString, QString> phases;
    for (const auto &[db, jd] : journal.databases)
        phases[db] = jd.phase;
    if (journal.state == QLatin1String("running")) {
        if (journal.ownerAlive()) {
            m_watchingJournal = true;
            m_ownerPid = journal.ownerPid;
            m_timer->start();
            pollJournal();
        } else if (!m_options.source.password.isEmpty() && !m_options.target.password.isEmpty()) {
            // The app that ran it is gone: resume from the journal right away.
            m_options.resume = true;
            startEngine();
        } else {
            // Resuming needs the passwords, which are never stored: start(credentials) resumes.
            m_resumeOnStart = true;
            MigrationStatus s = statusFromJournal(journal.state, phases);
            s.state = S::State::WaitingForUser;
            s.requiredAction = QStringLiteral("resume");
            setStatus(std::move(s));
        }
    } else {
        setStatus(statusFromJournal(journal.state, phases)); // ended: final state, finished()
    }
    deliverLater(std::move(done), {});
}

void DirectBackend::doCutover(const QStringList &databases, ActionCallback done)
{
    if (!m_engine) {
        deliverLater(std::move(done), fail(Error::validation(QStringLiteral("NotStarted"), QStringLiteral("The direct migration has not been started."))));
        return;
    }
    for (const QString &db : databases)
        if (!m_options.databases.contains(db)) {
            deliverLater(std::move(done),
                         fail(Error::validation(QStringLiteral("UnknownDatabase"), QStringLiteral("Database \"%1\" is not part of this migration.").arg(db))));
            return;
        }
    if (!databases.isEmpty() && QSet<QString>(databases.begin(), databases.end()) != QSet<QString>(m_options.databases.begin(), m_options.databases.end())) {
        deliverLater(std::move(done), fail(Error::validation(QStringLiteral("PerDatabaseCutoverNotSupported"),
                                                             QStringLiteral("The direct backend cuts over all databases of a migration at once."),
                                                             QStringLiteral("Ask for the cutover of the whole migration."))));
        return;
    }
    auto r = m_engine->requestCutover(); // takes the engine's mutex only; never waits for libpq
    if (r) {
        m_cutoverRequested = true;
        poll();
    }
    deliverLater(std::move(done), r);
}

void DirectBackend::resolveAction(const QString &action, const QStringList &databases, ActionCallback done)
{
    if (action == QLatin1String("resume") && m_resumeOnStart && !m_engine) {
        start({}, std::move(done));
        return;
    }
    MigrationBackend::resolveAction(action, databases, std::move(done));
}

void DirectBackend::cancel(ActionCallback done)
{
    if (!m_engine) {
        deliverLater(std::move(done), fail(Error::validation(QStringLiteral("NotStarted"), QStringLiteral("The direct migration has not been started."))));
        return;
    }
    if (m_engine->isFinished()) {
        deliverLater(std::move(done), fail(Error::validation(QStringLiteral("AlreadyFinished"), QStringLiteral("The direct migration has already ended."))));
        return;
    }
    m_engine->cancel();
    deliverLater(std::move(done), {});
}

void DirectBackend::remove(ActionCallback done)
{
    if (m_watchingJournal) {
        deliverLater(std::move(done), fail(Error::validation(QStringLiteral("MigrationRunning"),
                                                             QStringLiteral("Migration \"%1\" is running in process %2; its journal stays.").arg(m_options.name).arg(m_ownerPid),
                                                             QStringLiteral("Stop it in that process first."))));
        return;
    }
    auto removeJournal = [this, done = std::move(done)]() mutable {
        const QString path = m_engine ? m_engine->journalPath() : m_options.journalPath;
        if (!path.isEmpty() && QFile::exists(path) && !QFile::remove(path)) {
            deliverLater(std::move(done), fail(Error::make(ErrorCategory::Io, QStringLiteral("JournalNotRemoved"), QStringLiteral("Cannot remove the journal %1.").arg(path))));
            return;
        }
        markFinished();
        deliverLater(std::move(done), {});
    };
    if (m_engine && !m_engine->isFinished()) {
        m_engine->cancel();
        m_afterFinish.push_back(std::move(removeJournal));
        return;
    }
    removeJournal();
}

void DirectBackend::poll()
{
    if (!m_engine)
        return;
    for (auto &e : m_engine->takeEvents())
        m_events.push_back(std::move(e));
    // isFinished() first: the engine sets its final state, then `finished`, so a finished
    // engine's status is final; a final state without `finished` waits for the next tick
    // (result() and the end time are not there yet).
    const bool ended = m_engine->isFinished();
    MigrationStatus s = mapStatus(m_engine->status(), m_options, m_cutoverRequested);
    if (!ended && s.isTerminal())
        return;
    s.startedOn = m_startedOn;
    if (ended) {
        m_timer->stop();
        if (!m_endedOn.isValid())
            m_endedOn = QDateTime::currentDateTimeUtc();
        s.endedOn = m_endedOn;
        const auto r = m_engine->result();
        if (!r && !r.error().isCancelled()) {
            // The result has the structured error (code = SQLSTATE or our id); the status text is its display form.
            s.state = S::State::Failed;
            s.errors = {{r.error().message, r.error().code, {}, {}, {}, m_endedOn}};
        }
    }
    setStatus(std::move(s));
    if (ended && !m_afterFinish.empty()) {
        auto pending = std::move(m_afterFinish);
        m_afterFinish.clear();
        for (auto &f : pending)
            f();
    }
}

} // namespace fm::migration
