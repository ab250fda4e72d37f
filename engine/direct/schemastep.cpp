// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/direct/schemastep.h"

#include "engine/direct/dumpscript.h"
#include "engine/direct/engine.h"

#include <future>

namespace fm::direct {

Expected<void> SchemaStep::createPreData(DbRun &d, const QString &snapshot)
{
    Engine &e = m_engine;
    // Pre-data now, post-data dumped now (same snapshot) and run after the copy.
    auto postFuture = std::async(std::launch::async, [&] {
        return runPgDump(e.pgDump, e.sourceFor(d.name), QStringLiteral("post-data"), snapshot, &e.cancel);
    });
    auto pre = runPgDump(e.pgDump, e.sourceFor(d.name), QStringLiteral("pre-data"), snapshot, &e.cancel);
    auto post = postFuture.get();
    if (!pre)
        return fail(pre.error());
    if (!post)
        return fail(post.error());
    d.postData = *post;
    d.postScript = DumpScript::parse(d.postData);
    auto tgt = pg::Connection::open(e.targetFor(d.name), &e.cancel);
    if (!tgt)
        return fail(tgt.error());
    if (auto r = tgt->execScript(DumpScript::parse(*pre).toScript(), &e.cancel); !r) {
        Error err = r.error();
        err.message = QStringLiteral("Creating the schema of \"%1\" on the target failed: %2").arg(d.name, err.message);
        return fail(err);
    }
    // Autovacuum would vacuum and analyze the tables while they fill (each
    // range commits on its own), competing with the copy: off until the
    // indexes are built (buildPostData turns it back on).
    if (auto r = tgt->execScript(autovacuumScript(d, false), &e.cancel); !r)
        return fail(r.error());
    e.event({{"event", "schema-created"}, {"database", js(d.name)}});
    return {};
}

QString SchemaStep::autovacuumScript(const DbRun &d, bool on)
{
    QString sql;
    for (const auto &t : d.tables)
        if (!t->ownAutovacuum)
            sql += on ? QStringLiteral("ALTER TABLE %1 RESET (autovacuum_enabled);\n").arg(t->qualified())
                      : QStringLiteral("ALTER TABLE %1 SET (autovacuum_enabled = false);\n").arg(t->qualified());
    return sql;
}

Expected<void> SchemaStep::prepareIndexSession(pg::Connection &tgt, const DumpScript &script, CancelToken *c)
{
    if (auto r = tgt.execScript(script.prologue, c); !r)
        return r;
    // Sorted index builds want memory; never lower a bigger server setting.
    if (auto r = tgt.exec(QStringLiteral("SELECT CASE WHEN pg_size_bytes(current_setting('maintenance_work_mem')) < 256 * 1024 * 1024 "
                                         "THEN set_config('maintenance_work_mem', '256MB', false) END"),
                          {}, c);
        !r)
        return fail(r.error());
    return {};
}

bool SchemaStep::alreadyBuilt(const Error &err)
{
    // duplicate_table (an index's name), duplicate_object (a constraint's),
    // invalid_table_definition (a second primary key), invalid_object_definition.
    static const QStringList already{QStringLiteral("42P07"), QStringLiteral("42710"), QStringLiteral("42P16"), QStringLiteral("42P17")};
    return already.contains(err.code);
}

Expected<void> SchemaStep::runEntries(DbRun &d, const DumpScript &script, const std::vector<const DumpEntry *> &entries, int connections, bool tolerate)
{
    Engine &e = m_engine;
    if (entries.empty())
        return {};
    std::mutex m;
    size_t next = 0;
    std::optional<Error> firstError;
    CancelToken local;
    CancelRegistration link(&e.cancel, [&local] { local.cancel(); });
    std::vector<std::thread> threads;
    const int n = std::max(1, std::min<int>(connections, int(entries.size())));
    for (int i = 0; i < n; ++i) {
        threads.emplace_back([&] {
            auto setFail = [&](const Error &err) {
                std::lock_guard lock(m);
                if (!firstError)
                    firstError = err;
                local.cancel();
            };
            // A lost session (a terminated backend, a restarted target) is opened
            // again and the statement repeated, as the copy streams do: the copy
            // before it is not lost to a dropped connection.
            std::optional<pg::Connection> tgt;
            auto openSession = [&]() -> Expected<void> {
                auto c = pg::Connection::open(e.targetFor(d.name), &local);
                if (!c)
                    return fail(c.error());
                if (auto r = prepareIndexSession(*c, script, &local); !r)
                    return r;
                tgt = std::move(*c);
                return {};
            };
            for (;;) {
                const DumpEntry *entry = nullptr;
                {
                    std::lock_guard lock(m);
                    if (next >= entries.size() || local.isCancelled())
                        return;
                    entry = entries[next++];
                }
                const Expected<void> r = e.withRetries(d, QStringLiteral("Building %1").arg(entry->name), local, [&](int attempt) -> Expected<void> {
                    if (attempt > 0)
                        tgt.reset();
                    if (!tgt)
                        if (auto o = openSession(); !o)
                            return o;
                    auto done = tgt->execScript(entry->sql, &local);
                    // A retried statement may have committed before its connection went.
                    if (!done && (tolerate || attempt > 0) && alreadyBuilt(done.error()))
                        return {};
                    return done;
                });
                if (!r) {
                    Error err = r.error();
                    err.message = QStringLiteral("Building %1 %2 on the target failed: %3").arg(entry->type, entry->name, err.message);
                    return setFail(err);
                }
            }
        });
    }
    for (auto &t : threads)
        t.join();
    if (firstError)
        return fail(*firstError);
    if (e.cancel.isCancelled())
        return fail(Error::cancelled());
    return {};
}

Expected<void> SchemaStep::buildPostData(DbRun &d, bool tolerate)
{
    Engine &e = m_engine;
    if (d.postData.isEmpty()) {
        auto post = runPgDump(e.pgDump, e.sourceFor(d.name), QStringLiteral("post-data"), QString(), &e.cancel);
        if (!post)
            return fail(post.error());
        d.postData = *post;
        d.postScript = DumpScript::parse(d.postData);
        d.postDone.clear();
    }
    const auto t0 = Clock::now();
    Engine::setTables(d, Indexing);
    const DumpScript &script = d.postScript;
    // Waves in dependency-safe order: indexes and PK/unique constraints in
    // parallel, then everything else in dump order, then foreign keys in parallel.
    std::vector<const DumpEntry *> wave1, wave2, wave3;
    for (size_t i = 0; i < script.entries.size(); ++i) {
        const DumpEntry &entry = script.entries[i];
        if (d.postDone.count(int(i)))
            continue;
        if (entry.type == QLatin1String("INDEX") || entry.type == QLatin1String("CONSTRAINT"))
            wave1.push_back(&entry);
        else if (entry.type == QLatin1String("FK CONSTRAINT"))
            wave3.push_back(&entry);
        else
            wave2.push_back(&entry);
    }
    const int conns = std::max(2, e.opt.jobs);
    if (auto r = runEntries(d, script, wave1, conns, tolerate); !r)
        return r;
    if (auto r = runEntries(d, script, wave2, 1, tolerate); !r)
        return r;
    // pg_dump --schema-only leaves materialized views empty (REFRESH is data):
    // fill those the source has filled, after the indexes they may scan.
    std::vector<DumpEntry> refreshes;
    {
        auto src = pg::Connection::open(e.sourceFor(d.name), &e.cancel);
        if (!src)
            return fail(src.error());
        auto mv = src->execNamed(QStringLiteral("direct/populated_matviews"), {}, &e.cancel);
        if (!mv)
            return fail(mv.error());
        for (int i = 0; i < mv->rows(); ++i)
            refreshes.push_back({mv->text(i, "name"), QStringLiteral("MATERIALIZED VIEW DATA"), QString(),
                                 QStringLiteral("REFRESH MATERIALIZED VIEW %1;").arg(mv->text(i, "name"))});
    }
    std::vector<const DumpEntry *> wave2b;
    for (const DumpEntry &entry : refreshes)
        wave2b.push_back(&entry);
    if (auto r = runEntries(d, script, wave2b, 1, tolerate); !r)
        return r;
    if (auto r = runEntries(d, script, wave3, conns, tolerate); !r)
        return r;
    {
        auto tgt = pg::Connection::open(e.targetFor(d.name), &e.cancel);
        if (!tgt)
            return fail(tgt.error());
        if (auto r = tgt->execScript(autovacuumScript(d, true), &e.cancel); !r)
            return fail(r.error());
    }
    Engine::setTables(d, Copied);
    e.event({{"event", "indexes-built"}, {"database", js(d.name)}, {"seconds", secondsSince(t0)}, {"statements", qint64(script.entries.size())},
             {"copyAndIndexSeconds", d.copySeconds > 0 ? d.copySeconds + secondsSince(t0) : -1.0}});
    return {};
}

} // namespace fm::direct
