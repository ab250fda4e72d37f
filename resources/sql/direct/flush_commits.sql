-- Makes every commit so far durable on the target (the copy sessions commit
-- with synchronous_commit = off). A transaction that writes WAL, has an xid
-- and commits synchronously flushes the WAL up to its own commit record, so
-- every earlier commit of any session too. The transactional logical message
-- is the cheapest such write open to a non-superuser (no table touched; only
-- a decoder on the target with messages enabled would see it). One statement:
-- set_config(..., true) holds until this implicit transaction has committed.
-- (txid_current() alone is not enough: a commit that wrote no other WAL is
-- never flushed synchronously.)
SELECT set_config('synchronous_commit', 'on', true), pg_logical_emit_message(true, 'flexmigrate', 'copied')
