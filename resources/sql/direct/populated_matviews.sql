-- Materialized views that hold data on the source, oldest first (a view built on
-- another one comes after it). pg_dump --schema-only leaves them empty on the
-- target: their REFRESH counts as data, so the engine runs it after the copy.
SELECT format('%I.%I', n.nspname, c.relname) AS name
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind = 'm'
   AND c.relispopulated
 ORDER BY c.oid
