import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorSchema, jobSessionPageSchema, restoreSessionPageSchema } from '../../src/api/veeam-v5/wire';
import { forbiddenMessage } from '../../src/api/contract/roles';
import { RACKSPACE_TOKEN } from '../identity/rackspace';
import { issueToken } from '../identity/tokens';
import { findUserById } from '../identity/users';
import type { VeeamTestService } from './testing';
import { SEED_JOB, startVeeam } from './testing';

/** `POST /v5/Jobs/{id}/action`: bad input of every kind, unknown ids, conflicts and the role matrix. */

let t: VeeamTestService;
beforeAll(async () => {
  t = await startVeeam();
});
afterAll(() => t.service.close());

const action = `/v5/Jobs/${SEED_JOB}/action`;

async function expectError(res: Response, status: number, pattern: RegExp): Promise<void> {
  expect(res.status).toBe(status);
  const body = errorSchema.parse(await res.json());
  expect(body.message).toMatch(pattern);
}

async function sessionCount(): Promise<number> {
  const page = jobSessionPageSchema.parse(
    await (await t.call('viewer', `/v5/Jobs/${SEED_JOB}/JobSessions?limit=10000`)).json(),
  );
  return page.results.length;
}

describe('bad bodies answer 400 (or 415) with a message, never 500', () => {
  it.each([
    ["{'start': null}", /not valid JSON/],
    ['{"start": null', /not valid JSON/],
    ['', /empty/],
    ['[]', /must be a JSON object/],
    ['"start"', /must be a JSON object/],
    ['null', /must be a JSON object/],
    ['{}', /names no action/],
    ['{"start": null, "stop": null}', /names 2 actions \(start, stop\): send exactly one/],
    ['{"begin": null}', /Unknown action "begin"/],
    ['{"start": 1}', /"start" takes null/],
    ['{"enable": true}', /"enable" takes null/],
    ['{"explore": null}', /explore action is not valid/],
    ['{"explore": {"type": "vex"}}', /explore\.datetime/],
    ['{"explore": {"datetime": "yesterday", "type": "vex"}}', /explore\.datetime: must be a date and time/],
    ['{"explore": {"datetime": "2020-02-30 10:00:00.000", "type": "vex"}}', /explore\.datetime/],
    ['{"explore": {"datetime": 1586688880000, "type": "vex"}}', /explore\.datetime/],
    ['{"explore": {"datetime": "2020-04-12 10:54:40.000", "type": "exchange"}}', /explore\.type/],
    [
      '{"explore": {"datetime": "2020-04-12 10:54:40.000", "type": "vex", "showDeleted": "yes"}}',
      /explore\.showDeleted: must be true or false/,
    ],
    ['{"explore": {"datetime": "2020-04-12 10:54:40.000", "type": "vex", "extra": 1}}', /extra/],
  ])('%s', async (body, pattern) => {
    await expectError(await t.post('admin', action, body), 400, pattern);
  });

  it('refuses a body that is not JSON with 415 and says what to send', async () => {
    const res = await t.call('admin', action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'start=null',
    });
    await expectError(res, 415, /must be JSON \(Content-Type: application\/json\)/);
  });

  it('accepts JSON under any JSON media type', async () => {
    const res = await t.call('admin', action, {
      method: 'POST',
      headers: { 'content-type': 'text/json; charset=utf-8' },
      body: '{"enable": null}',
    });
    expect(res.status).toBe(200);
  });

  it('answers 404 with a message for an unknown job', async () => {
    await expectError(
      await t.post('admin', '/v5/Jobs/00000000-0000-4000-8000-000000000000/action', { enable: null }),
      404,
      /no job with id "00000000-0000-4000-8000-000000000000"/,
    );
  });
});

describe('explore', () => {
  it.each([
    ['2020-04-12 10:54:40.279', '{"datetime": "X", "type": "vex"}'],
    ['2020.04.12 10:54:40', '{"datetime": "X", "type": "vesp"}'],
    [
      '2026-11-22T10:54:40.2794046+01:00',
      '{"Datetime": "X", "Type": "VEOD", "ShowDeleted": "true", "ShowAllVersions": false}',
    ],
    [
      '2026-11-21T08:00:00Z',
      '{"datetime": "X", "type": "vet", "showDeleted": true, "showAllVersions": "false"}',
    ],
    [
      '2026-11-21 08:00:00.000',
      '{"datetime": "X", "type": "vex", "showDeleted": null, "showAllVersions": null}',
    ],
  ])('takes the datetime %s and opens a Working restore session', async (datetime, inner) => {
    const before = restoreSessionPageSchema.parse(
      await (await t.call('viewer', '/v5/RestoreSessions?limit=1')).json(),
    );
    const res = await t.post('support', action, `{"Explore": ${inner.replace('X', datetime)}}`);
    expect(res.status).toBe(200);
    const after = restoreSessionPageSchema.parse(
      await (await t.call('viewer', '/v5/RestoreSessions?limit=1')).json(),
    );
    expect(after.results[0]!.id).not.toBe(before.results[0]?.id);
    expect(after.results[0]).toMatchObject({ state: 'Working', initiatedBy: 'support', result: null });
  });

  it('before the first backup the session is empty and says so', async () => {
    await t.post('support', action, { explore: { datetime: '2000-01-01 00:00:00.000', type: 'vex' } });
    const list = restoreSessionPageSchema.parse(
      await (await t.call('viewer', '/v5/RestoreSessions?limit=1')).json(),
    );
    expect(list.results[0]!.details).toMatch(/No restore point at or before/);
  });
});

describe('job state: there is never a second run', () => {
  it('start on a running job answers 409 and opens no second session; stop on an idle job answers 409', async () => {
    const count = await sessionCount();
    expect((await t.post('admin', action, { start: null })).status).toBe(200);
    // The job list (kept between changes) shows the new state at once.
    const listed = async () =>
      ((await (await t.call('viewer', '/v5/Jobs')).json()) as { id: string; lastStatus: string }[]).find(
        (j) => j.id === SEED_JOB,
      )?.lastStatus;
    expect(await listed()).toBe('Queued');
    await expectError(await t.post('admin', action, { start: null }), 409, /already running/);
    expect(await sessionCount()).toBe(count + 1);
    expect((await t.post('admin', action, { stop: null })).status).toBe(200);
    expect(await listed()).toBe('Stopped');
    await expectError(
      await t.post('admin', action, { stop: null }),
      409,
      /is not running: there is nothing to stop/,
    );
  });

  it('disable of a running job is allowed and the run goes on; start of a disabled job answers 409', async () => {
    expect((await t.post('admin', action, { start: null })).status).toBe(200);
    expect((await t.post('admin', action, { disable: null })).status).toBe(200);
    t.tick(2000);
    const page = jobSessionPageSchema.parse(
      await (await t.call('viewer', `/v5/Jobs/${SEED_JOB}/JobSessions?limit=1`)).json(),
    );
    expect(page.results[0]!.status).toBe('Running');
    expect((await t.post('admin', action, { stop: null })).status).toBe(200);
    await expectError(
      await t.post('admin', action, { start: null }),
      409,
      /is disabled: enable it before starting it/,
    );
    expect((await t.post('admin', action, { enable: null })).status).toBe(200);
    const job = (await (await t.call('viewer', `/v5/Jobs/${SEED_JOB}`)).json()) as {
      isEnabled: boolean;
      nextRun: string;
    };
    expect(job.isEnabled).toBe(true);
    expect(job.nextRun).toBe('2026-11-23T03:30:00.000Z');
  });
});

describe('the role matrix on job actions', () => {
  const cases = [
    ['viewer', { start: null }, 'backup.start'],
    ['viewer', { stop: null }, 'backup.stop'],
    ['viewer', { enable: null }, 'enable'],
    ['viewer', { disable: null }, 'enable'],
    ['viewer', { explore: { datetime: '2020-04-12 10:54:40.000', type: 'vex' } }, 'restore-session'],
    ['support', { stop: null }, 'backup.stop'],
    ['support', { enable: null }, 'enable'],
    ['support', { disable: null }, 'enable'],
  ] as const;
  it.each(cases)('%s may not %j: 403 with the reason', async (role, body, needed) => {
    const res = await t.post(role, action, body);
    expect(res.status).toBe(403);
    expect(errorSchema.parse(await res.json()).message).toBe(forbiddenMessage(role, needed));
  });

  it('support may start a job and explore; admin may do everything', async () => {
    expect((await t.post('support', action, { start: null })).status).toBe(200);
    expect((await t.post('admin', action, { stop: null })).status).toBe(200);
    expect((await t.post('admin', action, { disable: null })).status).toBe(200);
    expect((await t.post('admin', action, { enable: null })).status).toBe(200);
  });
});

describe('authentication', () => {
  it.each([
    [null, /No token/],
    ['nonsense', /not valid/],
  ])('token %s → 401 saying which', async (token, pattern) => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const res = await t.service.app.request('/v5/Jobs', { headers });
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    await expectError(res, 401, pattern);
  });

  it('an expired token → 401 "expired"', async () => {
    t.clock.advance(25 * 3600_000);
    await expectError(await t.call('viewer', '/v5/Jobs'), 401, /expired/);
    t.clock.advance(-25 * 3600_000);
  });

  it('a Rackspace token is not a Veeam token', async () => {
    const user = findUserById(t.service.ctx.db, 1)!;
    const rackspace = issueToken(t.service.ctx.db, user, RACKSPACE_TOKEN, 3600, t.clock.now());
    const res = await t.service.app.request('/v5/Jobs', {
      headers: { authorization: `Bearer ${rackspace.token}` },
    });
    await expectError(res, 401, /not valid/);
  });
});
