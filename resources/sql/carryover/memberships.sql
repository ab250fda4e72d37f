-- Role memberships (GRANT role TO member), names only; the grantor is not
-- compared (a superuser's grants are recorded with itself as grantor).
SELECT g.rolname AS role, m.rolname AS member, a.admin_option
  FROM pg_auth_members a
  JOIN pg_roles g ON g.oid = a.roleid
  JOIN pg_roles m ON m.oid = a.member
 ORDER BY 1, 2
