-- The connected role and what it may grant: decides which role attributes can be
-- carried (only a superuser can give SUPERUSER, REPLICATION and BYPASSRLS).
SELECT current_user AS name, r.rolsuper AS superuser, r.rolcreaterole AS createrole,
       current_setting('password_encryption') AS password_encryption,
       current_setting('server_version_num')::int AS version_num
  FROM pg_roles r WHERE r.rolname = current_user
