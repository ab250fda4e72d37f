-- Replication objects left in the current database after cutover: logical slots
-- of this database, publications, subscriptions that belong to it. Any of them
-- keeps WAL or workers alive on a server that should be done with migration.
SELECT 'slot' AS kind, slot_name::text AS name FROM pg_replication_slots WHERE database = current_database() AND slot_type = 'logical'
UNION ALL
SELECT 'publication', pubname::text FROM pg_publication
UNION ALL
SELECT 'subscription', s.subname::text FROM pg_subscription s JOIN pg_database d ON d.oid = s.subdbid WHERE d.datname = current_database()
ORDER BY 1, 2
