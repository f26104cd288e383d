import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { veeamStore } from '../store/veeam-store';
import { paged } from './http';
import { presentJob, presentJobSession, presentRestoreSession } from './present';
import type { VeeamTestService } from './testing';
import { SEED_JOB, startVeeam } from './testing';

/**
 * The kept Veeam lists (Jobs, JobSessions, RestoreSessions) say byte for byte what the plain queries
 * and presenters say, and each job action, engine tick and outside write shows in the next answer.
 */
let t: VeeamTestService;
beforeAll(async () => {
  t = await startVeeam();
});
afterAll(() => t.service.close());

async function text(path: string): Promise<string> {
  const res = await t.call('viewer', path);
  expect(res.status, path).toBe(200);
  return res.text();
}

/** Each list as the plain query and presenter make it (a Context stand-in for the paged links). */
async function expectAsPlain(): Promise<void> {
  const store = veeamStore(t.service.ctx.db);
  const page = { offset: 0, limit: 50 };
  const at = (path: string) => ({ req: { url: `http://localhost${path}` } }) as never;
  expect(await text('/v5/Jobs')).toBe(JSON.stringify(store.jobs().map(presentJob)));
  const org = store.jobs()[0]!.org_id;
  expect(await text(`/v5/Organizations/${org}/Jobs`)).toBe(JSON.stringify(store.jobs(org).map(presentJob)));
  const sessions = '/v5/JobSessions?limit=50';
  const plainSessions = paged(at(sessions), store.jobSessions(page), page, presentJobSession);
  expect(await text(sessions)).toBe(JSON.stringify(plainSessions));
  const ofJob = `/v5/Jobs/${SEED_JOB}/JobSessions?limit=50`;
  const plainOfJob = paged(at(ofJob), store.jobSessions(page, SEED_JOB), page, presentJobSession);
  expect(await text(ofJob)).toBe(JSON.stringify(plainOfJob));
  const restores = '/v5/RestoreSessions?limit=50';
  const plainRestores = paged(
    at(restores),
    store.restoreSessions(page, null, null),
    page,
    presentRestoreSession,
  );
  expect(await text(restores)).toBe(JSON.stringify(plainRestores));
}

type Job = { id: string; lastStatus: string; name: string };
const job = async () => (JSON.parse(await text('/v5/Jobs')) as Job[]).find((j) => j.id === SEED_JOB)!;

describe('kept Veeam lists', () => {
  it('answer what the presenters make, and the same bytes again while nothing changes', async () => {
    await expectAsPlain();
    expect(await text('/v5/Jobs')).toBe(await text('/v5/Jobs'));
  });

  it('show a start, the engine moving the session and a stop in the next answer', async () => {
    const first = (JSON.parse(await text('/v5/JobSessions?limit=1')) as { results: { id: string }[] })
      .results;
    expect((await t.post('admin', `/v5/Jobs/${SEED_JOB}/action`, { start: null })).status).toBe(200);
    expect((await job()).lastStatus).toBe('Queued');
    const now = JSON.parse(await text('/v5/JobSessions?limit=1')) as {
      results: { id: string; progress: number }[];
    };
    expect(now.results[0]!.id).not.toBe(first[0]!.id);
    await expectAsPlain();
    // Plans queue 20–60 s and run 600–1800 s of simulated time (SPEED=60: 1.5 s real = 90 s simulated):
    // four ticks leave the session Running whatever its plan, with progress past the first tick's.
    const progress: number[] = [];
    for (let i = 0; i < 4; i++) {
      t.tick(1500);
      const page = JSON.parse(await text('/v5/JobSessions?limit=1')) as { results: { progress: number }[] };
      progress.push(page.results[0]!.progress);
      await expectAsPlain();
    }
    expect((await job()).lastStatus).toBe('Running');
    expect(progress[3]).toBeGreaterThan(progress[0]!);
    expect((await t.post('admin', `/v5/Jobs/${SEED_JOB}/action`, { stop: null })).status).toBe(200);
    expect((await job()).lastStatus).toBe('Stopped');
    await expectAsPlain();
  });

  it('show a new restore session and its stop', async () => {
    const explore = { explore: { datetime: '2026-11-22 11:00:00.000', type: 'vet' } };
    expect((await t.post('support', `/v5/Jobs/${SEED_JOB}/action`, explore)).status).toBe(200);
    type Page = { results: { id: string; state: string; type: string }[] };
    const opened = (JSON.parse(await text('/v5/RestoreSessions?limit=1')) as Page).results[0]!;
    expect(opened).toMatchObject({ state: 'Working', type: 'Vet' });
    await t.post('support', `/v5/RestoreSessions/${opened.id}/action`, { stop: null });
    expect((JSON.parse(await text('/v5/RestoreSessions?limit=1')) as Page).results[0]!.state).toBe('Stopped');
    await expectAsPlain();
  });

  it('show a write that no route made (the triggers see every writer)', async () => {
    t.service.ctx.db.prepare("UPDATE veeam_jobs SET name = 'renamed-by-sql' WHERE id = ?").run(SEED_JOB);
    expect((await job()).name).toBe('renamed-by-sql');
    await expectAsPlain();
  });
});
