-- Counts of objects (extension members excluded where extensions create them) that logical replication or the Azure services treat specially.
WITH user_ns AS (
    SELECT oid FROM pg_namespace
     WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname !~ '^pg_(toast|temp)'
)
SELECT (SELECT count(*) FROM pg_largeobject_metadata)                                         AS large_objects,
       (SELECT count(*) FROM pg_class c WHERE c.relkind = 'S' AND c.relnamespace IN (SELECT oid FROM user_ns)) AS sequences,
       (SELECT count(*) FROM pg_class c WHERE c.relkind = 'f' AND c.relnamespace IN (SELECT oid FROM user_ns)) AS foreign_tables,
       (SELECT count(*) FROM pg_type t WHERE t.typtype = 'e' AND t.typnamespace IN (SELECT oid FROM user_ns))  AS enum_types,
       (SELECT count(*) FROM pg_collation co WHERE co.collnamespace IN (SELECT oid FROM user_ns))             AS user_collations,
       (SELECT count(*) FROM pg_cast ca WHERE ca.oid >= 16384
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_cast'::regclass AND d.objid = ca.oid AND d.deptype = 'e'))                                                      AS user_casts,
       pg_database_size(current_database())                                                                   AS size_bytes;
