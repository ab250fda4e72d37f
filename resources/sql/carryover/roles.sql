-- Roles that carry-over copies: everything but the built-in ones (pg_*, OIDs
-- below FirstNormalObjectId 16384, e.g. the bootstrap superuser) and the roles
-- Azure manages itself (azure_superuser, azure_pg_admin, azuresu, replication...).
-- rolconfig is the ALTER ROLE ... SET list (pg_db_role_setting, database 0).
SELECT r.rolname AS name,
       r.rolsuper AS superuser, r.rolinherit AS inherit, r.rolcreaterole AS createrole,
       r.rolcreatedb AS createdb, r.rolcanlogin AS login, r.rolreplication AS replication,
       r.rolbypassrls AS bypassrls, r.rolconnlimit AS connection_limit,
       COALESCE(to_char(r.rolvaliduntil AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), '') AS valid_until,
       COALESCE(array_to_string(s.setconfig, E'\n'), '') AS config,
       (r.rolname = current_user) AS is_current_user
  FROM pg_roles r
  LEFT JOIN pg_db_role_setting s ON s.setrole = r.oid AND s.setdatabase = 0
 WHERE r.rolname !~ '^pg_'
   AND r.oid >= 16384
   AND r.rolname NOT IN ('azure_superuser', 'azure_pg_admin', 'azuresu', 'azurerepl', 'replication', 'aad_auth_validation_user')
 ORDER BY r.rolname
