-- Materialized views: their contents are not replicated; they are refreshed on the target.
SELECT n.nspname AS schema_name, c.relname AS view_name
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind = 'm'
 ORDER BY 1, 2;
