-- Existing replication slots and the WAL each one holds back.
SELECT s.slot_name,
       coalesce(s.plugin, '')                            AS plugin,
       s.slot_type,
       coalesce(s.database, '')                          AS database_name,
       s.active,
       CASE WHEN pg_is_in_recovery() OR s.restart_lsn IS NULL THEN NULL
            ELSE pg_wal_lsn_diff(pg_current_wal_lsn(), s.restart_lsn)::bigint END AS retained_bytes
  FROM pg_replication_slots s
 ORDER BY 1;
