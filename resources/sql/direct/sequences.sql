-- Current value of every sequence on the source (last_value is NULL before the first nextval).
SELECT schemaname AS schema, sequencename AS name,
       COALESCE(last_value, start_value) AS value,
       last_value IS NOT NULL AS is_called
  FROM pg_sequences
 WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
