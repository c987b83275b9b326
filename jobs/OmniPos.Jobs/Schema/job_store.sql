-- The Quartz.NET job store (the tables and columns its AdoJobStore reads and writes, prefix qrtz_) and the run history,
-- in the operational store's PostgreSQL database or in jobs.db (SQLite) beside it. The types are ones both engines take (SQLite
-- stores a BYTEA column's blobs as they are). Every statement may run again: each scheduler applies them at start-up.
CREATE TABLE IF NOT EXISTS qrtz_job_details (
  sched_name TEXT NOT NULL, job_name TEXT NOT NULL, job_group TEXT NOT NULL, description TEXT, job_class_name TEXT NOT NULL,
  is_durable BOOLEAN NOT NULL, is_nonconcurrent BOOLEAN NOT NULL, is_update_data BOOLEAN NOT NULL, requests_recovery BOOLEAN NOT NULL,
  job_data BYTEA,
  PRIMARY KEY (sched_name, job_name, job_group));

CREATE TABLE IF NOT EXISTS qrtz_triggers (
  sched_name TEXT NOT NULL, trigger_name TEXT NOT NULL, trigger_group TEXT NOT NULL, job_name TEXT NOT NULL, job_group TEXT NOT NULL,
  description TEXT, next_fire_time BIGINT, prev_fire_time BIGINT, priority INTEGER, trigger_state TEXT NOT NULL,
  trigger_type TEXT NOT NULL, start_time BIGINT NOT NULL, end_time BIGINT, calendar_name TEXT, misfire_instr SMALLINT,
  misfire_orig_fire_time BIGINT, execution_group TEXT, preferred_node TEXT, preferred_node_auto BOOLEAN NOT NULL DEFAULT FALSE,
  job_data BYTEA,
  PRIMARY KEY (sched_name, trigger_name, trigger_group),
  FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group));

CREATE TABLE IF NOT EXISTS qrtz_simple_triggers (
  sched_name TEXT NOT NULL, trigger_name TEXT NOT NULL, trigger_group TEXT NOT NULL,
  repeat_count BIGINT NOT NULL, repeat_interval BIGINT NOT NULL, times_triggered BIGINT NOT NULL,
  PRIMARY KEY (sched_name, trigger_name, trigger_group),
  FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);

CREATE TABLE IF NOT EXISTS qrtz_simprop_triggers (
  sched_name TEXT NOT NULL, trigger_name TEXT NOT NULL, trigger_group TEXT NOT NULL,
  str_prop_1 TEXT, str_prop_2 TEXT, str_prop_3 TEXT, int_prop_1 INTEGER, int_prop_2 INTEGER, long_prop_1 BIGINT, long_prop_2 BIGINT,
  dec_prop_1 NUMERIC, dec_prop_2 NUMERIC, bool_prop_1 BOOLEAN, bool_prop_2 BOOLEAN, time_zone_id TEXT,
  PRIMARY KEY (sched_name, trigger_name, trigger_group),
  FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);

CREATE TABLE IF NOT EXISTS qrtz_cron_triggers (
  sched_name TEXT NOT NULL, trigger_name TEXT NOT NULL, trigger_group TEXT NOT NULL, cron_expression TEXT NOT NULL, time_zone_id TEXT,
  PRIMARY KEY (sched_name, trigger_name, trigger_group),
  FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);

CREATE TABLE IF NOT EXISTS qrtz_blob_triggers (
  sched_name TEXT NOT NULL, trigger_name TEXT NOT NULL, trigger_group TEXT NOT NULL, blob_data BYTEA,
  PRIMARY KEY (sched_name, trigger_name, trigger_group),
  FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);

CREATE TABLE IF NOT EXISTS qrtz_calendars (
  sched_name TEXT NOT NULL, calendar_name TEXT NOT NULL, calendar BYTEA NOT NULL,
  PRIMARY KEY (sched_name, calendar_name));

CREATE TABLE IF NOT EXISTS qrtz_paused_trigger_grps (
  sched_name TEXT NOT NULL, trigger_group TEXT NOT NULL,
  PRIMARY KEY (sched_name, trigger_group));

CREATE TABLE IF NOT EXISTS qrtz_fired_triggers (
  sched_name TEXT NOT NULL, entry_id TEXT NOT NULL, trigger_name TEXT NOT NULL, trigger_group TEXT NOT NULL, instance_name TEXT NOT NULL,
  fired_time BIGINT NOT NULL, sched_time BIGINT NOT NULL, priority INTEGER NOT NULL, state TEXT NOT NULL, job_name TEXT, job_group TEXT,
  is_nonconcurrent BOOLEAN NOT NULL, requests_recovery BOOLEAN, execution_group TEXT,
  PRIMARY KEY (sched_name, entry_id));

CREATE TABLE IF NOT EXISTS qrtz_scheduler_state (
  sched_name TEXT NOT NULL, instance_name TEXT NOT NULL, last_checkin_time BIGINT NOT NULL, checkin_interval BIGINT NOT NULL,
  PRIMARY KEY (sched_name, instance_name));

CREATE TABLE IF NOT EXISTS qrtz_locks (
  sched_name TEXT NOT NULL, lock_name TEXT NOT NULL,
  PRIMARY KEY (sched_name, lock_name));

CREATE INDEX IF NOT EXISTS idx_qrtz_t_next_fire_time ON qrtz_triggers (sched_name, next_fire_time);
CREATE INDEX IF NOT EXISTS idx_qrtz_t_nft_st ON qrtz_triggers (sched_name, trigger_state, next_fire_time);
CREATE INDEX IF NOT EXISTS idx_qrtz_t_job ON qrtz_triggers (sched_name, job_name, job_group);
CREATE INDEX IF NOT EXISTS idx_qrtz_ft_instance ON qrtz_fired_triggers (sched_name, instance_name);
CREATE INDEX IF NOT EXISTS idx_qrtz_ft_trigger ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
CREATE INDEX IF NOT EXISTS idx_qrtz_ft_job ON qrtz_fired_triggers (sched_name, job_name, job_group);

-- One row per run of a job: who ran it, why, when, how it ended. Times are Unix milliseconds. While a run is going its
-- runner moves heartbeat_at; a running row whose heartbeat stopped belongs to a process that died.
CREATE TABLE IF NOT EXISTS job_runs (
  run_id TEXT PRIMARY KEY, job TEXT NOT NULL, instance TEXT NOT NULL, cause TEXT NOT NULL, attempt INTEGER NOT NULL,
  scheduled_at BIGINT, started_at BIGINT NOT NULL, heartbeat_at BIGINT NOT NULL, ended_at BIGINT, outcome TEXT NOT NULL,
  rows_done BIGINT, summary TEXT, error TEXT, retry_at BIGINT);

-- At most one running row per job, whichever process, scheduler or command line runs it.
CREATE UNIQUE INDEX IF NOT EXISTS job_runs_one_running ON job_runs (job) WHERE outcome = 'running';
CREATE INDEX IF NOT EXISTS job_runs_by_start ON job_runs (started_at);
