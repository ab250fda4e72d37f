-- Tables that have never been analyzed (manually or by autovacuum): the planner
-- has no statistics for them after a bulk copy.
SELECT quote_ident(schemaname) || '.' || quote_ident(relname) AS name
  FROM pg_stat_user_tables
 WHERE last_analyze IS NULL AND last_autoanalyze IS NULL
 ORDER BY 1
