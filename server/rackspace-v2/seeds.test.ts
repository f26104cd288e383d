import { afterEach, describe, expect, it } from 'vitest';
import { backupSchema } from '../../src/api/rackspace-v2/wire';
import { SEED_003_START_BACKUP_ANSWER } from '../../src/api/testing/seed-examples';
import type { Harness } from '../rackspace-v1/test-support';
import { harness } from '../rackspace-v1/test-support';

/** Seeds 002 and 003: POST /v2/{project_id}/backups exactly as the seeds send it. */
let h: Harness;
afterEach(() => h.close());

const SEED_BODY = `{
       "configuration_id": "7c8ee069-568f-4d5a-932f-fb2af86b5fd5",
       "state": "start_requested"
   }`;

/** The answer of seed 003 with its ids and hosts made into placeholders: the shape to match. */
function shapeOf(body: unknown): unknown {
  return JSON.parse(
    JSON.stringify(body)
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID')
      .replace(/https?:\/\/[^"]*?\/v2(\/110011)?\//g, 'BASE/'),
  );
}

describe('seeds 002 and 003: start a backup with POST /v2/{project_id}/backups', () => {
  it('answers 201, a Location and the whole backup object in the shape of seed 003', async () => {
    h = await harness();
    // Seed 003's request: its headers (Content-type spelled as written) and body.
    const res = await h.call('POST', '/v2/110011/backups', {
      headers: { 'Content-type': 'application/json', Host: 'dfw.backup.api.rackspacecloud.com' },
      body: SEED_BODY,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = backupSchema.parse(await res.json());
    expect(res.headers.get('location')).toBe(body.links[0]?.href);
    expect(body.links[0]?.href).toMatch(new RegExp(`/v2/110011/backups/${body.id}$`));
    // The project is the caller's (the seed's answer shows another project id than its URL).
    expect(body.project_id).toBe('110011');
    expect(body.agent.id).toBe('8f135b4f-7a69-4b8a-947f-5e80d772fd97');
    expect(body.configuration.id).toBe('7c8ee069-568f-4d5a-932f-fb2af86b5fd5');
    expect(shapeOf({ ...body, project_id: '123456' })).toEqual(shapeOf(SEED_003_START_BACKUP_ANSWER));
  });

  it('the getting-started cURL of seed 002 (region-less endpoint) gets 201 and the backup reads back', async () => {
    h = await harness();
    const res = await h.call('POST', '/v2/110011/backups', {
      headers: { 'Content-Type': 'application/json' },
      body: SEED_BODY,
    });
    expect(res.status).toBe(201);
    const created = backupSchema.parse(await res.json());
    const read = await h.call('GET', new URL(res.headers.get('location')!).pathname);
    expect(read.status).toBe(200);
    expect(backupSchema.parse(await read.json()).id).toBe(created.id);
  });

  it('refuses a second start of a running configuration with 409 and a message', async () => {
    h = await harness();
    expect((await h.call('POST', '/v2/110011/backups', { body: SEED_BODY })).status).toBe(201);
    const again = await h.call('POST', '/v2/110011/backups', { body: SEED_BODY });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { message: string }).message).toMatch(/already running/);
  });

  it('start_scheduled needs X-Agent-Id (400 without, 201 with the agent of the configuration)', async () => {
    h = await harness();
    const body = { configuration_id: '7c8ee069-568f-4d5a-932f-fb2af86b5fd5', state: 'start_scheduled' };
    const without = await h.call('POST', '/v2/110011/backups', { body });
    expect(without.status).toBe(400);
    expect(((await without.json()) as { message: string }).message).toMatch(/X-Agent-Id/);
    const wrong = await h.call('POST', '/v2/110011/backups', {
      body,
      headers: { 'X-Agent-Id': '00000000-0000-4000-8000-000000000000' },
    });
    expect(wrong.status).toBe(400);
    const ok = await h.call('POST', '/v2/110011/backups', {
      body,
      headers: { 'X-Agent-Id': '8f135b4f-7a69-4b8a-947f-5e80d772fd97' },
    });
    expect(ok.status).toBe(201);
    expect(backupSchema.parse(await ok.json()).state).toBe('start_scheduled');
  });

  it('answers each status code seed 003 lists: 400, 401, 403, 404, 405', async () => {
    h = await harness();
    const bad = await h.call('POST', '/v2/110011/backups', {
      body: { configuration_id: 'nope', state: 'go' },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(
      /configuration_id must be a UUID.*state must be/,
    );
    expect((await h.call('POST', '/v2/110011/backups', { role: null, body: SEED_BODY })).status).toBe(401);
    const viewer = await h.call('POST', '/v2/110011/backups', { role: 'viewer', body: SEED_BODY });
    expect(viewer.status).toBe(403);
    const refusal = (await viewer.json()) as { message: string; errors: string[] };
    expect(refusal.message).toMatch(/viewer/);
    expect(refusal.errors).toEqual([]);
    const unknown = await h.call('POST', '/v2/110011/backups', {
      body: { configuration_id: '00000000-0000-4000-8000-000000000000', state: 'start_requested' },
    });
    expect(unknown.status).toBe(404);
    // The ORD door does not know a DFW configuration.
    expect((await h.call('POST', '/ord/v2/110011/backups', { body: SEED_BODY })).status).toBe(404);
    const put = await h.call('PUT', '/v2/110011/backups', { body: SEED_BODY });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
  });
});
