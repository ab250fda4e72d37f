-- User databases: no templates, no Azure system databases (azure-api.md §9.2: only user databases migrate).
SELECT d.datname                                               AS name,
       CASE WHEN has_database_privilege(d.oid, 'CONNECT')
            THEN pg_database_size(d.oid) END                   AS size_bytes,
       d.datallowconn                                          AS allow_connections,
       has_database_privilege(d.oid, 'CONNECT')                AS can_connect,
       pg_get_userbyid(d.datdba)                               AS owner,
       pg_encoding_to_char(d.encoding)                         AS encoding,
       d.datcollate                                            AS collate,
       d.datctype                                              AS ctype
  FROM pg_database d
 WHERE NOT d.datistemplate
   AND d.datname NOT IN ('azure_maintenance', 'azure_sys')
 ORDER BY d.datname;
