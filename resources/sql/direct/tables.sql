-- Tables of the source database that the direct engine copies: leaf tables and
-- partitions (relkind r) plus partitioned roots (relkind p, no data), permanent
-- only, not owned by an extension. Largest first so the big tables start early.
-- columns: non-generated columns only (generated ones are recomputed on the target).
-- needs_text: a column whose binary form carries a type OID that differs between
-- servers (arrays of user types, composite types): that table is copied as text.
SELECT c.oid::bigint AS oid,
       n.nspname AS schema,
       c.relname AS name,
       c.relkind::text AS relkind,
       rn.nspname AS root_schema,
       rc.relname AS root_name,
       pg_relation_size(c.oid) AS heap_bytes,
       pg_table_size(c.oid) AS bytes,
       GREATEST(c.reltuples, 0)::bigint AS est_rows,
       current_setting('block_size')::bigint AS block_size,
       c.relreplident::text AS replident,
       COALESCE(array_to_string(c.reloptions, ',') LIKE '%autovacuum_enabled=%', false) AS own_autovacuum,
       EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND (i.indisprimary OR i.indisreplident)) AS has_identity,
       (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
          FROM pg_attribute a
         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
       COALESCE((SELECT bool_or(bt.typtype = 'c' OR (bt.typelem <> 0 AND bt.typlen = -1 AND bt.typelem >= 16384)
                                OR et.typtype IN ('c', 'd'))
                   FROM pg_attribute a
                   JOIN pg_type t ON t.oid = a.atttypid
                   JOIN pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
                   LEFT JOIN pg_type et ON et.oid = bt.typelem AND bt.typlen = -1
                  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''), false) AS needs_text
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_class rc ON rc.oid = COALESCE(pg_partition_root(c.oid), c.oid)
  JOIN pg_namespace rn ON rn.oid = rc.relnamespace
 WHERE c.relkind IN ('r', 'p')
   AND c.relpersistence = 'p'
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname NOT LIKE 'pg\_toast%'
   AND n.nspname NOT LIKE 'pg\_temp%'
   AND NOT EXISTS (SELECT 1 FROM pg_depend d
                    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
 ORDER BY pg_table_size(c.oid) DESC, n.nspname, c.relname
