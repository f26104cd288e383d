import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  jobSchema,
  jobSessionPageSchema,
  jobSessionSchema,
  restoreSessionPageSchema,
} from '../../src/api/veeam-v5/wire';
import type { VeeamTestService } from './testing';
import { SEED_JOB, startVeeam } from './testing';

/**
 * Seed 004 (docs/architecture.md "Vendor examples"): POST /v5/Jobs/{jobId}/action, its five examples
 * exactly as written, in order.
 */

let t: VeeamTestService;
beforeEach(async () => {
  t = await startVeeam();
});
afterEach(() => t.service.close());

const URL_AS_WRITTEN = '/v5/Jobs/3396ba22-21b1-4666-a631-0edfc12a59cd/action';

/**
 * The request exactly as the seed writes it: only its Authorization header, and its body text, line
 * breaks and all. (A body sent without a type arrives as text/plain here, as from a browser's fetch.)
 */
async function example(body: string, contentType?: string): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${t.tokens.admin}` };
  if (contentType) headers['Content-Type'] = contentType;
  return t.service.app.request(URL_AS_WRITTEN, { method: 'POST', headers, body });
}

async function expectSeedAnswer(res: Response): Promise<void> {
  expect(res.status).toBe(200);
  expect(await res.text()).toBe(''); // "Response Body: None."
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(res.headers.get('content-length')).toBe('0');
}

async function job() {
  return jobSchema.parse(await (await t.call('viewer', `/v5/Jobs/${SEED_JOB}`)).json());
}

describe('seed 004: managing backup jobs', () => {
  it('the demo data set holds the job of the examples', async () => {
    const res = await t.call('viewer', `/v5/Jobs/${SEED_JOB}`);
    expect(res.status).toBe(200);
    expect((await job()).id).toBe(SEED_JOB);
  });

  it('runs examples 1 to 5 as written, each answering 200 OK with no body', async () => {
    // Example 1: enable (the demo job is enabled already; enabling again is no error).
    await expectSeedAnswer(await example('{\n\n "enable": null\n\n}'));
    expect((await job()).isEnabled).toBe(true);

    // Example 2: start — a new session, Queued then Running.
    await expectSeedAnswer(await example('{\n\n "start": null\n\n}'));
    expect((await job()).lastStatus).toBe('Queued');
    t.tick(2000);
    expect((await job()).lastStatus).toBe('Running');
    const sessions = jobSessionPageSchema.parse(
      await (await t.call('viewer', `/v5/Jobs/${SEED_JOB}/JobSessions`)).json(),
    );
    expect(sessions.results[0]).toMatchObject({ status: 'Running', endTime: null });

    // Example 3: stop — the session ends Stopped.
    await expectSeedAnswer(await example('{\n\n "stop": null\n\n}'));
    const stopped = jobSessionSchema.parse(
      await (await t.call('viewer', `/v5/JobSessions/${sessions.results[0]!.id}`)).json(),
    );
    expect(stopped).toMatchObject({ status: 'Stopped' });
    expect((await job()).lastStatus).toBe('Stopped');

    // Example 4: disable.
    await expectSeedAnswer(await example('{\n\n "disable": null\n\n}'));
    expect((await job()).isEnabled).toBe(false);
    expect((await job()).nextRun).toBeNull();

    // Example 5: explore with seven fractional digits — a new restore session, Working.
    await expectSeedAnswer(
      await example('{\n\n "explore": {"datetime": "2020-04-12T10:54:40.2794046Z", "type": "vex"}\n\n}'),
    );
    const list = restoreSessionPageSchema.parse(await (await t.call('viewer', '/v5/RestoreSessions')).json());
    expect(list.results[0]).toMatchObject({ state: 'Working', type: 'Vex', initiatedBy: 'admin' });
    expect(list.results[0]!.name).toContain('Contoso Exchange daily');
  });

  it('answers the examples sent as application/json and with no Content-Type at all', async () => {
    for (const body of ['{"enable": null}', '{"start": null}', '{"stop": null}', '{"disable": null}']) {
      await expectSeedAnswer(await example(body, 'application/json'));
    }
    const bare = new Request(`http://localhost${URL_AS_WRITTEN}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.tokens.admin}` },
      body: new TextEncoder().encode('{"enable": null}'),
    });
    expect(bare.headers.get('content-type')).toBeNull();
    await expectSeedAnswer(await t.service.app.request(bare));
    await expectSeedAnswer(
      await example('{"explore": {"datetime": "2020-04-12T10:54:40.2794046Z", "type": "vex"}}'),
    );
  });
});
