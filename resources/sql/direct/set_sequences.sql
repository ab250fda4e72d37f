-- Sets many sequences on the target in one round trip ($1 schemas, $2 names, $3 values, $4 is_called).
SELECT count(pg_catalog.setval(format('%I.%I', s, n)::regclass, v, c))
  FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bool[]) AS x(s, n, v, c)
 WHERE to_regclass(format('%I.%I', s, n)) IS NOT NULL
