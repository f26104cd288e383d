import type { Migration } from './db';
import { revTriggersSql, revUpdateTriggerSql, versionsTableSql } from './list-revs';

/** The columns the job and job session lists show (the simulation's own columns change no list). */
const JOB_LISTED =
  'name description backup_type schedule_json is_enabled repository_id org_id last_status last_run next_run';
const SESSION_LISTED =
  'job_id creation_time end_time status progress details retry_count processed_objects transferred_bytes ' +
  'rate_bytes rate_items read_rate write_rate bottleneck';

/** Revs for the big lists (list-revs.ts): jobs, job sessions and restore sessions, by `n`. */
export const veeamListRevs: Migration = {
  id: 'veeam-2-list-revs',
  sql: `
    ${versionsTableSql('veeam_versions')}
    ${revTriggersSql('veeam_jobs', 'veeam_versions', { key: 'n', watched: JOB_LISTED.split(' ') })}
    ${revTriggersSql('veeam_job_sessions', 'veeam_versions', { key: 'n', watched: SESSION_LISTED.split(' ') })}
    ${revTriggersSql('veeam_restore_sessions', 'veeam_versions', { key: 'n' })}
    CREATE INDEX veeam_jobs_revs ON veeam_jobs (n, rev);
    CREATE INDEX veeam_jobs_org_revs ON veeam_jobs (org_id, n, rev);
    CREATE INDEX veeam_job_sessions_time_revs ON veeam_job_sessions (creation_time DESC, n DESC, rev);
    CREATE INDEX veeam_job_sessions_job_revs ON veeam_job_sessions (job_id, creation_time DESC, n DESC, rev);
    CREATE INDEX veeam_restore_sessions_time_revs ON veeam_restore_sessions (creation_time DESC, n DESC, rev);
    -- The indexes above begin with the columns of these, which every query they served now finds there.
    DROP INDEX veeam_jobs_org;
    DROP INDEX veeam_job_sessions_job;
    DROP INDEX veeam_job_sessions_time;
    DROP INDEX veeam_restore_sessions_time;
  `,
};

/** What the restore session list shows: all but the time of the last request, written on each one. */
const RESTORE_LISTED =
  'job_id org_id name organization type creation_time end_time state result initiated_by details ' +
  'point_in_time show_deleted show_all_versions';

/**
 * Idle restore sessions end on their own (veeam-ticker.ts): each keeps the time of the last request
 * made to it. Sessions open before this migration count as used when they were opened.
 */
export const veeamRestoreIdle: Migration = {
  id: 'veeam-3-restore-session-activity',
  sql: `
    ALTER TABLE veeam_restore_sessions ADD COLUMN last_activity_at INTEGER;
    UPDATE veeam_restore_sessions SET last_activity_at = creation_time;
    DROP TRIGGER veeam_restore_sessions_rev_update;
    ${revUpdateTriggerSql('veeam_restore_sessions', 'veeam_versions', { key: 'n', watched: RESTORE_LISTED.split(' ') })}
  `,
};
