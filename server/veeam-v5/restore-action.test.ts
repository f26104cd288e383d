import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorSchema,
  restoreSessionEventPageSchema,
  restoreSessionSchema,
} from '../../src/api/veeam-v5/wire';
import { forbiddenMessage } from '../../src/api/contract/roles';
import type { VeeamTestService } from './testing';
import { SEED_JOB, startVeeam } from './testing';

/** `POST /v5/RestoreSessions/{id}/action` {"stop": null}: Working → Stopped (Success, endTime) once. */

let t: VeeamTestService;
let id: string;
beforeAll(async () => {
  t = await startVeeam();
  await t.post('support', `/v5/Jobs/${SEED_JOB}/action`, {
    explore: { datetime: '2026-11-22 11:00:00.000', type: 'vex', showDeleted: true },
  });
  const page = (await (await t.call('viewer', '/v5/RestoreSessions?limit=1')).json()) as {
    results: { id: string }[];
  };
  id = page.results[0]!.id;
});
afterAll(() => t.service.close());

async function session() {
  return restoreSessionSchema.parse(await (await t.call('viewer', `/v5/RestoreSessions/${id}`)).json());
}

describe('stopping a restore session', () => {
  it('stays Working until stopped while it is in use (within its idle time)', async () => {
    t.tick(60_000);
    expect(await session()).toMatchObject({ state: 'Working', endTime: null, result: null });
  });

  it('refuses a viewer (403) and bad bodies (400), and answers 404 for an unknown session', async () => {
    const forbidden = await t.post('viewer', `/v5/RestoreSessions/${id}/action`, { stop: null });
    expect(forbidden.status).toBe(403);
    expect(errorSchema.parse(await forbidden.json()).message).toBe(
      forbiddenMessage('viewer', 'restore-session'),
    );
    for (const body of ['{"start": null}', '{"stop": 1}', '{}', "{'stop': null}"]) {
      const res = await t.post('support', `/v5/RestoreSessions/${id}/action`, body);
      expect(res.status).toBe(400);
      expect(errorSchema.parse(await res.json()).message).toMatch(/\{"stop": null\}|not valid JSON/);
    }
    const unknown = await t.post('support', '/v5/RestoreSessions/nope/action', { stop: null });
    expect(unknown.status).toBe(404);
    expect((await session()).state).toBe('Working');
  });

  it('stops it: 200 with no body, Stopped with result Success and an end time; a second stop → 409', async () => {
    const res = await t.post('support', `/V5/restoreSessions/${id}/Action`, { Stop: null });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const stopped = await session();
    expect(stopped).toMatchObject({
      state: 'Stopped',
      result: 'Success',
      endTime: new Date(t.clock.now()).toISOString(),
    });
    const events = restoreSessionEventPageSchema.parse(
      await (await t.call('viewer', `/v5/RestoreSessions/${id}/Events`)).json(),
    );
    expect(events.results.at(-1)?.title).toBe('Restore session stopped');
    expect(events.results.at(-1)?.message).toMatch(/stopped by support/);
    const again = await t.post('admin', `/v5/RestoreSessions/${id}/action`, { stop: null });
    expect(again.status).toBe(409);
    expect(errorSchema.parse(await again.json()).message).toMatch(/is already stopped/);
  });
});

describe('the organization-level explore', () => {
  it('opens a restore session and answers 201 with it', async () => {
    const orgs = (await (await t.call('viewer', '/v5/Organizations')).json()) as {
      id: string;
      name: string;
    }[];
    const org = orgs[1]!;
    const res = await t.post('support', `/v5/Organizations/${org.id}/Action`, {
      explore: { datetime: '2026-11-22 11:00:00.000', type: 'veod' },
    });
    expect(res.status).toBe(201);
    const opened = restoreSessionSchema.parse(await res.json());
    expect(opened).toMatchObject({ state: 'Working', type: 'Veod', organization: org.name });
    expect(opened.name).toMatch(/^fabrikam\.onmicrosoft\.com: Fabrikam organization - /);
    expect((await session()).id).toBe(id);
    expect((await t.call('viewer', `/v5/RestoreSessions/${opened.id}`)).status).toBe(200);
  });

  it('refuses job actions, viewers and unknown organizations', async () => {
    const orgs = (await (await t.call('viewer', '/v5/Organizations')).json()) as { id: string }[];
    const start = await t.post('admin', `/v5/Organizations/${orgs[0]!.id}/action`, { start: null });
    expect(start.status).toBe(400);
    expect(errorSchema.parse(await start.json()).message).toMatch(/takes one action, explore/);
    const body = { explore: { datetime: '2026-11-22 11:00:00.000', type: 'vex' } };
    expect((await t.post('viewer', `/v5/Organizations/${orgs[0]!.id}/action`, body)).status).toBe(403);
    expect((await t.post('support', '/v5/Organizations/nope/action', body)).status).toBe(404);
  });
});
