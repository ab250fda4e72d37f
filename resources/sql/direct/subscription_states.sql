-- Per-table synchronisation state of a subscription on the target ('r' = ready).
SELECT n.nspname AS schema, c.relname AS name, r.srsubstate::text AS state
  FROM pg_subscription_rel r
  JOIN pg_subscription s ON s.oid = r.srsubid
  JOIN pg_class c ON c.oid = r.srrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE s.subname = $1
