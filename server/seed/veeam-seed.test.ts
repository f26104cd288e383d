import { describe, expect, it } from 'vitest';
import { jobListSchema } from '../../src/api/veeam-v5/wire';
import { fakeClock, SEED_JOB, startVeeam } from '../veeam-v5/testing';
import { veeamJobCount } from './veeam-seed';

/** The demo data set is the same for the same SEED and SCALE, whatever the time it is made at. */

async function jobsOf(args: string[], at: number) {
  const t = await startVeeam(args, fakeClock(at));
  const jobs = jobListSchema.parse(await (await t.call('viewer', '/v5/Jobs')).json());
  t.service.close();
  return jobs.map((j) => ({
    id: j.id,
    name: j.name,
    isEnabled: j.isEnabled,
    backupType: j.backupType,
    schedulePolicy: j.schedulePolicy,
  }));
}

describe('the Veeam demo data set', () => {
  it('depends on SEED and SCALE only', async () => {
    const morning = await jobsOf([], Date.UTC(2026, 10, 22, 6, 10));
    const evening = await jobsOf([], Date.UTC(2027, 2, 3, 21, 45));
    expect(evening).toEqual(morning);
    expect(morning[0]!.id).toBe(SEED_JOB);
    const other = await jobsOf(['--seed', '7'], Date.UTC(2026, 10, 22, 6, 10));
    expect(other[0]!.id).toBe(SEED_JOB);
    expect(other.slice(1).map((j) => j.id)).not.toEqual(morning.slice(1).map((j) => j.id));
  });

  it('sizes the jobs by SCALE', () => {
    expect(veeamJobCount(24)).toBe(12);
    expect(veeamJobCount(1)).toBe(4);
    expect(veeamJobCount(10_000)).toBe(10_000);
  });
});
