-- Server-wide facts for pre-flight. Works on PostgreSQL 9.5+ and Azure Single/Flexible Server.
-- current_setting(name, true) returns NULL for settings this server does not have (azure.*).
SELECT current_setting('server_version')                               AS server_version,
       current_setting('server_version_num')::int                      AS server_version_num,
       version()                                                       AS version_string,
       current_setting('wal_level')                                    AS wal_level,
       current_setting('azure.replication_support', true)              AS azure_replication_support,
       current_setting('azure.extensions', true)                       AS azure_extensions,
       current_setting('max_replication_slots')::int                   AS max_replication_slots,
       current_setting('max_wal_senders')::int                         AS max_wal_senders,
       current_setting('max_worker_processes')::int                    AS max_worker_processes,
       coalesce(current_setting('max_logical_replication_workers', true), '0')::int
                                                                       AS max_logical_replication_workers,
       -- Only superusers may read this setting with current_setting(); pg_settings just hides the row.
       (SELECT setting FROM pg_settings WHERE name = 'shared_preload_libraries') AS shared_preload_libraries,
       current_setting('default_transaction_read_only')::bool          AS default_transaction_read_only,
       current_setting('server_encoding')                              AS server_encoding,
       -- Present only in builds that restrict logical decoding plugins, and readable only by
       -- superusers / pg_read_all_settings: NULL elsewhere (pg_settings hides the row).
       (SELECT setting FROM pg_settings WHERE name = 'output_plugin_libraries') AS output_plugin_libraries,
       pg_is_in_recovery()                                             AS in_recovery,
       (SELECT count(*) FROM pg_replication_slots)                     AS slots_used,
       (SELECT count(*) FROM pg_stat_replication)                      AS wal_senders_used,
       current_user                                                    AS current_user_name,
       r.rolsuper                                                      AS is_superuser,
       r.rolreplication                                                AS has_replication,
       r.rolcreatedb                                                   AS can_create_db,
       r.rolcreaterole                                                 AS can_create_role,
       EXISTS (SELECT 1
                 FROM pg_auth_members m
                 JOIN pg_roles g ON g.oid = m.roleid
                WHERE g.rolname = 'azure_pg_admin' AND m.member = r.oid) AS is_azure_pg_admin
  FROM pg_roles r
 WHERE r.rolname = current_user;
