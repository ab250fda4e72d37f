-- Ends the other client sessions of a database so that new sessions start read-only
-- (write freeze at cutover). Our own sessions and walsenders are left alone.
SELECT count(pg_terminate_backend(pid))
  FROM pg_stat_activity
 WHERE datname = $1
   AND pid <> pg_backend_pid()
   AND backend_type = 'client backend'
   AND application_name NOT LIKE 'flexmigrate%'
