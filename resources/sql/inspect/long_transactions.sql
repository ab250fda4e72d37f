-- Open transactions older than $1 seconds: creating a logical slot waits for them to end.
-- The query text is left out on purpose; it can hold literals we must not log.
SELECT a.pid,
       a.datname                                          AS database_name,
       a.usename                                          AS user_name,
       a.application_name,
       a.state,
       extract(epoch FROM now() - a.xact_start)::bigint   AS age_seconds
  FROM pg_stat_activity a
 WHERE a.xact_start IS NOT NULL
   AND a.pid <> pg_backend_pid()
   AND a.backend_type = 'client backend'
   AND now() - a.xact_start > make_interval(secs => $1::double precision)
 ORDER BY a.xact_start;
