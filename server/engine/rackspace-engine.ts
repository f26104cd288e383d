import type { ServiceContext } from '../context';
import { getAgent, isOnline } from '../store/rackspace-agents';
import { backupsInFlight, getBackup, runningBackupOf } from '../store/rackspace-backups';
import { dueConfigurations, setNextRun } from '../store/rackspace-configurations';
import { pruneEvents } from '../store/rackspace-events';
import { getRestore, restoresInFlight } from '../store/rackspace-restores';
import type { Ticker } from './engine';
import type { Naming } from './rackspace-actions';
import { recordUnstartedRun, requestBackup } from './rackspace-actions';
import { RESTARTED } from './rackspace-failures';
import { endRestore, advanceRestore } from './rackspace-restore-runs';
import { advanceBackup, endBackup } from './rackspace-runs';
import { nextRunAfter } from './rackspace-schedule';

const EVENTS_KEPT_MS = 3600_000;
const internal: Naming = { id: (r) => String(r.id), state: (s) => s };

/**
 * The simulated Rackspace agents: scheduled runs start on the real clock (offline agents miss them,
 * a run still going skips the next), and every run in flight moves one step per tick.
 */
export function rackspaceTicker(ctx: ServiceContext): Ticker {
  const { db } = ctx;
  const seed = ctx.config.seed;
  let lastPrune = 0;
  return {
    name: 'rackspace',
    tick({ now, simulatedMs }) {
      db.transaction(() => {
        // Runs started by this tick's schedules show their first state until the next tick.
        const running = backupsInFlight(db);
        runSchedules(ctx, now);
        for (const b of running) advanceBackup(db, seed, b, now, simulatedMs);
        for (const r of restoresInFlight(db)) advanceRestore(db, seed, r, now, simulatedMs);
        if (now - lastPrune > 60_000) {
          pruneEvents(db, now - EVENTS_KEPT_MS);
          lastPrune = now;
        }
      })();
    },
    recover(now) {
      // A data set made by this very process has nothing to recover (its runs were seeded in flight).
      if (freshlySeeded.has(db)) return;
      db.transaction(() => {
        for (const b of backupsInFlight(db)) {
          const row = getBackup(db, b.id)!;
          endBackup(db, row, now, 'failed', [RESTARTED.reason, RESTARTED.backup], seed);
        }
        for (const r of restoresInFlight(db))
          endRestore(db, seed, getRestore(db, r.id)!, now, 'failed', [RESTARTED.reason, RESTARTED.restore]);
      })();
    },
  };
}

/** Databases seeded by this process: their in-flight demo runs are not leftovers of a crash. */
export const freshlySeeded = new WeakSet<object>();

function runSchedules(ctx: ServiceContext, now: number): void {
  const { db } = ctx;
  for (const config of dueConfigurations(db, now)) {
    setNextRun(db, config.id, config.enabled ? nextRunAfter(config, now) : null);
    if (!config.enabled || config.deleted) continue;
    const agent = getAgent(db, config.agent_id);
    if (!agent || !agent.enabled || !isOnline(agent, now)) recordUnstartedRun(db, config, 'missed', now);
    else if (runningBackupOf(db, config.id)) recordUnstartedRun(db, config, 'skipped', now);
    else requestBackup(db, ctx.config.seed, config, agent, 'start_scheduled', now, internal);
  }
}
