-- ALTER DEFAULT PRIVILEGES of the current database, one row per grantee and
-- privilege. schema is empty for entries that apply to all schemas.
-- objtype: r tables, S sequences, f functions, T types, n schemas.
SELECT pg_get_userbyid(d.defaclrole) AS role,
       COALESCE(n.nspname, '') AS schema,
       d.defaclobjtype::text AS objtype,
       CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END AS grantee,
       a.privilege_type AS privilege, a.is_grantable AS grantable
  FROM pg_default_acl d
  LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
  CROSS JOIN LATERAL aclexplode(d.defaclacl) a
 ORDER BY 1, 2, 3, 4, 5
