import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contractSuite } from '../contract.test-suite';
import { isInFlight } from '../domain';
import { createQueryClient } from '../query-client';
import { lookupIn } from '../resource-queries';
import { restoreContract } from '../restore-contract.test-suite';
import type { InProcess } from '../testing/in-process-service';
import { startInProcess } from '../testing/in-process-service';

contractSuite('rackspace-ord');
restoreContract('rackspace-ord');

describe('Rackspace v2 specifics', () => {
  let t: InProcess;
  beforeAll(async () => {
    t = await startInProcess();
    await t.runtime.signIn('rackspace-ord', { username: 'admin', password: 'demo' });
  });
  afterAll(() => t.close());

  test('a restore whose backup the backups feed is bringing at that moment is named from it, not asked for on its own', async () => {
    const p = t.runtime.provider('rackspace-ord');
    // A cache that knows no backup yet, as on a page's first load, where both feeds are asked for at once.
    const lookup = lookupIn(createQueryClient(), 'rackspace-ord');
    const from = t.requests.length;
    const [restores] = await Promise.all([
      p.listRuns('restores', { lookup }),
      p.listRuns('backups', { lookup }),
    ]);
    const oneByOne = t.requests
      .slice(from)
      .filter((r) => r.method === 'GET' && /\/backups\/[^/]+$/.test(new URL(r.url).pathname));
    expect(restores.length).toBeGreaterThan(0);
    expect(oneByOne).toEqual([]);
    expect(restores.every((r) => r.parentId !== null)).toBe(true);
  });

  test('changes are RFC 6902 JSON Patch bodies', async () => {
    const p = t.runtime.provider('rackspace-ord');
    const [c] = await p.listTargets();
    await p.setEnabled(c!.id, false);
    await p.setEnabled(c!.id, true);
    const patches = t.requests.filter((r) => r.method === 'PATCH');
    expect(patches).toHaveLength(2);
    expect(patches.every((r) => r.contentType === 'application/json-patch+json')).toBe(true);
  });

  test('a running backup shows its counters moving as progress', async () => {
    const p = t.runtime.provider('rackspace-ord');
    const c = (await p.listTargets()).find((x) => x.enabled && x.currentRunId === null)!;
    const { runId } = await p.startBackup(c.id);
    let seen = false;
    await t.until(async () => {
      const run = await p.getBackup(runId!);
      if (run.state === 'running' && (run.progress.bytesDone ?? 0) > 0) seen = true;
      return !isInFlight(run.state);
    }, 2_000);
    expect(seen).toBe(true);
    const done = await p.getBackup(runId!);
    expect(done.progress.filesSearched).toBeGreaterThan(0);
    expect(done.durationSeconds).toBeGreaterThan(0);
  });

  test('percent and ETA come from what the events say remains: they reach the end, and the feed shows none', async () => {
    const p = t.runtime.provider('rackspace-ord');
    const c = (await p.listTargets()).find((x) => x.enabled && x.currentRunId === null)!;
    const { runId } = await p.startBackup(c.id);
    const seen: { percent: number | null; eta: number | null }[] = [];
    let fedPercent: number | null | undefined;
    await t.until(async () => {
      const run = await p.getBackup(runId!);
      if (run.vendorState === 'in_progress') {
        seen.push({ percent: run.progress.percent, eta: run.progress.etaSeconds });
        fedPercent ??= (await p.listRuns('backups')).find((r) => r.id === runId)?.progress.percent;
      }
      return !isInFlight(run.state);
    }, 200);
    const percents = seen.map((s) => s.percent).filter((x): x is number => x !== null);
    const etas = seen.map((s) => s.eta).filter((x): x is number => x !== null);
    // Before the first progress report there is no percent; then it climbs to the end, never back.
    expect(seen[0]?.percent).toBeNull();
    expect(percents.every((x, i) => i === 0 || x >= percents[i - 1]!)).toBe(true);
    expect(Math.max(...percents)).toBeGreaterThanOrEqual(80);
    expect(etas.at(-1)!).toBeLessThan(etas[0]! / 4);
    // The feed reads no events: no percent rather than one made of the wrong numbers.
    expect(fedPercent).toBeNull();
  });
});
