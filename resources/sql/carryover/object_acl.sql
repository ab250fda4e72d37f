-- Every object of the current database whose owner and privileges carry-over
-- compares: the database, its schemas, tables/views/sequences and functions,
-- without extension members (the extension script owns those). NULL ACLs are
-- replaced by acldefault() so "never granted" and "granted the defaults"
-- compare equal, and aclexplode() gives one row per grantee and privilege
-- (grantee 0 is PUBLIC). Objects without ACL rows still appear (grantee NULL).
-- follows_table: a sequence owned by a table column (serial, identity) changes
-- owner with its table and refuses ALTER SEQUENCE ... OWNER TO on its own.
WITH objects(kind, identity, owner_oid, acl, follows_table) AS (
    SELECT 'DATABASE', quote_ident(d.datname), d.datdba, COALESCE(d.datacl, acldefault('d', d.datdba)), false
      FROM pg_database d WHERE d.datname = current_database()
    UNION ALL
    SELECT 'SCHEMA', quote_ident(n.nspname), n.nspowner, COALESCE(n.nspacl, acldefault('n', n.nspowner)), false
      FROM pg_namespace n
     WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
       AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_namespace'::regclass AND e.objid = n.oid AND e.deptype = 'e')
    UNION ALL
    SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
           quote_ident(n.nspname) || '.' || quote_ident(c.relname), c.relowner,
           COALESCE(c.relacl, acldefault(CASE c.relkind WHEN 'S' THEN 's'::"char" ELSE 'r'::"char" END, c.relowner)),
           c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend t WHERE t.classid = 'pg_class'::regclass AND t.objid = c.oid
                                         AND t.refclassid = 'pg_class'::regclass AND t.deptype IN ('a', 'i'))
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
       AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
       AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
    UNION ALL
    SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,
           quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')',
           p.proowner, COALESCE(p.proacl, acldefault('f', p.proowner)), false
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE p.prokind IN ('f', 'p', 'w')
       AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
       AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
)
SELECT o.kind, o.identity, pg_get_userbyid(o.owner_oid) AS owner, o.follows_table,
       CASE WHEN a.grantee IS NULL THEN NULL WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END AS grantee,
       a.privilege_type AS privilege, COALESCE(a.is_grantable, false) AS grantable
  FROM objects o
  LEFT JOIN LATERAL aclexplode(o.acl) a ON true
 ORDER BY 1, 2, 4, 5
