-- Cumulative row changes per table on the target (the apply worker's inserts,
-- updates and deletes show up here); the engine reports deltas since streaming began.
SELECT schemaname AS schema, relname AS name, n_tup_ins, n_tup_upd, n_tup_del
  FROM pg_stat_user_tables
