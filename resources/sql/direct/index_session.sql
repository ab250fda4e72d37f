-- Session settings for one index build on the target, set per statement.
-- $1: 'on' while copies still run that will outlast this build: no parallel
--     sort workers then (every core is busy; their merge work only adds CPU:
--     +18% for a 5 M-row key). 'off': the server's own setting.
-- $2: bytes an in-memory sort of this table's index tuples wants (rows x 100):
--     maintenance_work_mem is raised towards it (an external sort writes and
--     merges runs: a 5 M-row primary key took 1.5 s of CPU at 256 MB and 1.2 s
--     in memory), never above half of shared_buffers (a stand-in for the
--     server's memory) or 1 GB, and never below what the session already has.
SELECT set_config('max_parallel_maintenance_workers',
                  CASE WHEN $1 = 'on' THEN '0' ELSE reset_val END, false) AS parallel,
       set_config('maintenance_work_mem',
                  GREATEST(pg_size_bytes(current_setting('maintenance_work_mem')) / 1024,
                           LEAST($2::bigint / 1024,
                                 pg_size_bytes(current_setting('shared_buffers')) / 2048,
                                 1048576))::text || 'kB', false) AS memory
  FROM pg_settings
 WHERE name = 'max_parallel_maintenance_workers'
