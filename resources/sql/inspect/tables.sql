-- Every user table of the current database (partitions included, extension-owned tables excluded),
-- with what logical replication needs to know about it.
SELECT n.nspname                                                        AS schema_name,
       c.relname                                                        AS table_name,
       c.relkind::text                                                  AS relkind,
       c.relpersistence::text                                           AS persistence,
       c.relreplident::text                                             AS replident,
       EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary)   AS has_pk,
       EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisreplident) AS has_ri_index,
       -- reltuples is -1 until the first ANALYZE; the statistics counters know sooner.
       greatest(c.reltuples::bigint, coalesce(s.n_live_tup, 0))        AS estimated_rows,
       pg_total_relation_size(c.oid)                                    AS total_bytes,
       has_table_privilege(c.oid, 'SELECT')                             AS can_select,
       c.relispartition                                                 AS is_partition
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_stat_all_tables s ON s.relid = c.oid
 WHERE c.relkind IN ('r', 'p')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname !~ '^pg_(toast|temp)'
   AND NOT EXISTS (SELECT 1 FROM pg_depend d
                    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
 ORDER BY 1, 2;
