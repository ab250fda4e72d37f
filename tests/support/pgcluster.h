// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"
#include "engine/core/secret.h"
#include "engine/pg/connection.h"
#include "engine/pg/connectionparams.h"

#include <QString>
#include <QStringList>

namespace fm::test {

struct PgClusterOptions {
    QString walLevel = QStringLiteral("logical");
    int maxReplicationSlots = 20;
    int maxWalSenders = 20;
    int maxLogicalReplicationWorkers = 8;
    int maxWorkerProcesses = 16;
    /** fsync off makes tests fast; benchmarks turn it on to measure honestly. */
    bool fsync = false;
    QString sharedBuffers = QStringLiteral("128MB");
    /** Extra postgresql.conf lines. */
    QStringList extraConf;
    /** Major version to use when several are installed; 0 = newest. */
    int majorVersion = 0;
    /** Prefix of the temp folder, to tell clusters apart in ps/ls. */
    QString name = QStringLiteral("cluster");
};

/**
 * @brief A throwaway PostgreSQL cluster: initdb into a temp dir, a free port,
 * loopback only, wal_level=logical, superuser "postgres" with a random
 * password (scram over TCP).
 *
 * As root, the server runs as the OS user "postgres" (initdb refuses root).
 * The destructor stops the server and deletes the folder; a signal handler
 * stops servers when the test process crashes, and a new fixture removes
 * clusters left behind by processes that no longer exist.
 */
class PgCluster
{
public:
    explicit PgCluster(PgClusterOptions options = {});
    ~PgCluster();
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    /** initdb + start. */
    Expected<void> start();
    /** Fast stop, keeps the data. */
    Expected<void> stop();
    Expected<void> restart();
    /** Stops the server and deletes the folder (also done by the destructor). */
    void destroy();

    bool isRunning() const { return m_running; }
    int port() const { return m_port; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    QString baseDir() const { return m_baseDir; }
    QString dataDir() const { return m_baseDir + QStringLiteral("/data"); }
    QString logFile() const { return m_baseDir + QStringLiteral("/server.log"); }
    QString superuser() const { return QStringLiteral("postgres"); }
    const Secret &password() const { return m_password; }
    int majorVersion() const { return m_major; }
    qint64 postmasterPid() const { return m_postmasterPid; }

    /** Connection parameters for the superuser (sslmode=disable: the test server has no TLS). */
    pg::ConnectionParams params(const QString &database = QStringLiteral("postgres")) const;
    /** postgresql://postgres:<password>@127.0.0.1:<port>/<db>?sslmode=disable */
    QString uri(const QString &database = QStringLiteral("postgres")) const;
    /** A URI for another user and password. */
    QString uriFor(const QString &user, const QString &password, const QString &database = QStringLiteral("postgres")) const;

    /** Runs SQL (several statements allowed) as superuser in a database. */
    Expected<void> execute(const QString &database, const QString &sql) const;
    /** Runs one query and returns its result. */
    Expected<pg::Result> query(const QString &database, const QString &sql, const QStringList &params = {}) const;
    Expected<void> createDatabase(const QString &name) const;
    /** Reads a server log (for test failure messages). */
    QString serverLog() const;

    /** The bin folder of the chosen PostgreSQL version (initdb, pg_ctl, pg_dump...). */
    static QString binDir(int majorVersion = 0);
    /** Removes clusters whose owning process is gone (crashed test runs). */
    static void reapStale();

private:
    Expected<QString> run(const QString &program, const QStringList &args, int timeoutMs = 120000) const;
    Expected<void> startServer();
    void readPostmasterPid();

    PgClusterOptions m_options;
    QString m_baseDir;
    QString m_bin;
    int m_major = 0;
    int m_port = 0;
    Secret m_password;
    bool m_initialised = false;
    bool m_running = false;
    qint64 m_postmasterPid = 0;
};

/** A free TCP port on 127.0.0.1 (bound and released). */
int freeLoopbackPort();

} // namespace fm::test
