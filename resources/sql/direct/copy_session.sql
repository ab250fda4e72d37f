-- Opens a copy session on the target: commits go asynchronously (a table is
-- journaled as done only after direct/flush_commits made its rows durable).
-- stats_reset tells a session opened after a crash: recovery at server start
-- (a crash, an immediate shutdown, a failover to a standby) resets every
-- statistics counter, a clean restart keeps them. Commits not yet flushed
-- before a crash are lost; before a clean shutdown they are written.
SELECT set_config('synchronous_commit', 'off', false) AS synchronous_commit,
       coalesce((SELECT stats_reset FROM pg_stat_bgwriter)::text, '') AS stats_reset
