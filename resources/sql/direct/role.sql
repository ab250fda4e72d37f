-- What the connected role may do on a server, and the replication settings that
-- decide whether a native publication/subscription pair can work.
SELECT r.rolsuper AS is_superuser,
       r.rolreplication AS has_replication,
       current_setting('server_version_num')::int AS version_num,
       current_setting('wal_level') AS wal_level,
       current_setting('max_replication_slots')::int AS max_slots,
       (SELECT count(*) FROM pg_replication_slots)::int AS slots_used,
       current_setting('max_wal_senders')::int AS max_wal_senders,
       current_setting('max_logical_replication_workers')::int AS max_lr_workers,
       (SELECT count(*) FROM pg_subscription)::int AS subscriptions,
       (current_setting('server_version_num')::int >= 160000
        AND EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = 'pg_create_subscription'
                      AND pg_has_role(current_user, g.oid, 'USAGE'))) AS may_create_subscription
  FROM pg_roles r
 WHERE r.rolname = current_user
