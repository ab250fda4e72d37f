-- The database's own default_transaction_read_only (ALTER DATABASE ... SET), NULL when
-- it has none; remembered before the cutover's write freeze so the undo restores it.
SELECT (SELECT substr(s, length('default_transaction_read_only=') + 1)
          FROM pg_db_role_setting r, unnest(r.setconfig) s
         WHERE r.setdatabase = d.oid AND r.setrole = 0 AND s LIKE 'default_transaction_read_only=%') AS value
  FROM pg_database d
 WHERE d.datname = $1
