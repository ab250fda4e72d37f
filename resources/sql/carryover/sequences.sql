-- Last value of every sequence (NULL before the first nextval): the checklist
-- compares target >= source after cutover.
SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) AS name,
       COALESCE(last_value, start_value) AS value
  FROM pg_sequences
 WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
 ORDER BY 1
