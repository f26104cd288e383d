import type { SchedulePolicy } from '../../src/api/veeam-v5/wire';
import type { ServiceContext } from '../context';
import { veeamStore } from '../store/veeam-store';
import type { Ticker } from './engine';
import { logTime } from './veeam-plan';
import { stopIdleRestoreSessions, stopRestoreSession } from './veeam-restores';
import { nextRunAfter } from './veeam-schedule';
import { advanceJobSession, finishJobSession, startJobSession } from './veeam-sessions';

/** A scheduled run more than this late (the service was down) is skipped, not started. */
export const MISSED_AFTER_MS = 15 * 60_000;

/**
 * The Veeam ticker: moves open job sessions forward in simulated time, then starts the scheduled runs
 * that are due on the real wall clock. A run that is due while the job still runs is skipped, as
 * Veeam does; restore sessions stay Working until someone stops them or they go unused for
 * RESTORE_IDLE_MINUTES.
 */
export function veeamTicker(ctx: ServiceContext): Ticker {
  const store = veeamStore(ctx.db);
  const idleMinutes = ctx.config.restoreSessionIdleMinutes;
  return {
    name: 'veeam',
    tick: ({ now, simulatedMs }) => {
      ctx.db.transaction(() => {
        for (const s of store.openJobSessions()) advanceJobSession(store, s, simulatedMs, now);
        stopIdleRestoreSessions(store, now, idleMinutes);
        for (const job of store.dueJobs(now)) {
          const policy = JSON.parse(job.schedule_json) as SchedulePolicy;
          const late = now - (job.next_run ?? now) > MISSED_AFTER_MS;
          if (!job.current_session_id && !late) startJobSession(store, job, now, 'scheduled');
          store.update('veeam_jobs', job.id, { next_run: nextRunAfter(policy, now) });
        }
      })();
    },
    recover: (now) => {
      ctx.db.transaction(() => {
        // A session whose idle time ran out before the restart ends of that, at that moment.
        stopIdleRestoreSessions(store, now, idleMinutes);
        const when = logTime(now);
        for (const s of store.openJobSessions()) {
          const reason = `The backup service stopped while this session was ${s.status.toLowerCase()}; it was failed when the service restarted at ${when} UTC.`;
          finishJobSession(store, s, 'Failed', now, reason, `[Failed] Job session interrupted: ${reason}`);
        }
        for (const r of store.workingRestoreSessions()) {
          stopRestoreSession(store, r, now, {
            failure: `The backup service restarted at ${when} UTC while this restore session was open; it was closed.`,
          });
        }
      })();
    },
  };
}
