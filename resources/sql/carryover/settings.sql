-- Parameters somebody set on purpose: from a configuration file (postgresql.conf,
-- ALTER SYSTEM's postgresql.auto.conf), the command line or an override, and
-- different from the built-in default. context 'postmaster' means a restart.
SELECT name, setting, COALESCE(unit, '') AS unit, COALESCE(boot_val, '') AS boot_val,
       source, context, vartype, COALESCE(array_to_string(enumvals, ','), '') AS enumvals
  FROM pg_settings
 ORDER BY name
