-- Byte lag of a logical slot: WAL written on the source that the subscriber has not confirmed as flushed.
SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint AS lag_bytes,
       active,
       active_pid
  FROM pg_replication_slots
 WHERE slot_name = $1
