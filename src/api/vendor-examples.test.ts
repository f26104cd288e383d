import { describe, expect, test } from 'vitest';
import type { ApiError } from './api-error';
import { DIALECTS } from './dialects';
import { HttpClient, parseAnswer } from './http';
import { fromMsDate, parseV1Size, startBackupAnswerSchema } from './rackspace-v1/wire';
import { v2Backup } from './rackspace-v2/map';
import { backupSchema } from './rackspace-v2/wire';
import { secondsOf } from './run-parts';
import { rruleWords, veeamPolicyWords } from './schedule-words';
import { SEED_000_START_ANSWER, SEED_003_START_BACKUP_ANSWER } from './testing/seed-examples';

/**
 * The vendors' own example answers (the seed examples and the dialect pages of docs/), fed to the client as the vendor wrote
 * them: a fetch that answers the example text is the vendor here, not a stand-in for our service.
 */
function vendor(status: number, body: string, type = 'application/json') {
  return new HttpClient({
    connectionId: 'vendor',
    fetch: () =>
      Promise.resolve(
        new Response(status === 204 ? null : body, { status, headers: { 'content-type': type } }),
      ),
    origin: 'https://dfw.backup.api.rackspacecloud.com',
    baseUrl: () => '/v1.0/123456',
    // The examples of every vendor are fed to one client: it reads every dialect's error forms.
    errorForms: DIALECTS.flatMap((d) => d.errorForms),
    auth: () => ({ name: 'X-Auth-Token', value: '0f6e9f63600142f0a970911583522217' }),
  });
}

describe('seed examples', () => {
  test('seed 000: StartManual answers the new BackupId as a bare number', async () => {
    const id = await vendor(200, SEED_000_START_ANSWER, 'text/plain').request(
      { method: 'POST', path: '/backup/action-requested', json: { Action: 'StartManual', Id: 148325 } },
      startBackupAnswerSchema,
    );
    expect(id).toBe(368785);
  });

  test('seed 000/001: StopManual and restore actions answer 204 with no body', async () => {
    const answer = await vendor(204, '').send({
      method: 'POST',
      path: '/restore/action-requested',
      json: { Action: 'StopManual', Id: 13689 },
    });
    expect(answer).toMatchObject({ status: 204, body: undefined });
  });

  test('seed 002/003: the v2 start answer parses and maps to a queued run with zero counters', () => {
    const example = SEED_003_START_BACKUP_ANSWER;
    const backup = parseAnswer(backupSchema, example, { method: 'POST', url: '/v2/123456/backups' });
    const run = v2Backup('ord', backup, { configurations: new Map(), agents: new Map() });
    expect(run).toMatchObject({
      id: '0d95d699-d16b-11e4-93bd-c8e0eb190e3d',
      parentId: '7c8ee069-568f-4d5a-932f-fb2af86b5fd5',
      state: 'queued',
      vendorState: 'start_requested',
      startedAt: null,
      restorable: false,
      errorCount: 0,
      reason: null,
    });
    expect(run.progress).toMatchObject({ filesDone: 0, bytesDone: 0, percent: null });
  });

  test.each([
    ['completed', 100],
    ['completed_with_errors', 100],
    ['failed', null],
    ['stopped', null],
    ['missed', null],
  ])('a v2 backup that ended %s is at %s percent', (state, percent) => {
    const ended = {
      ...SEED_003_START_BACKUP_ANSWER,
      state,
      started_time: '2026-11-30T02:00:00Z',
      ended_time: '2026-11-30T02:10:00Z',
      bytes_searched: 1000,
      bytes_backed_up: 400,
    };
    const backup = parseAnswer(backupSchema, ended, { method: 'GET', url: '/v2/123456/backups/x' });
    const run = v2Backup('ord', backup, { configurations: new Map(), agents: new Map() });
    expect(run.progress.percent).toBe(percent);
  });

  test('seed 004: every job action answers 200 with no body', async () => {
    const answer = await vendor(200, '').send({
      method: 'POST',
      path: '/Jobs/3396ba22-21b1-4666-a631-0edfc12a59cd/action',
      json: { start: null },
    });
    expect(answer).toMatchObject({ status: 200, body: undefined });
  });
});

describe('examples of the dialect pages (docs/dialects/)', () => {
  test('v1 dates, sizes and durations', () => {
    expect(new Date(fromMsDate('/Date(1357817400000)/')!).toISOString()).toBe('2013-01-10T11:30:00.000Z');
    expect(JSON.parse('"\\/Date(1357817400000)\\/"')).toBe('/Date(1357817400000)/');
    expect(parseV1Size('35.3 MB')).toBe(Math.round(35.3 * 1024 ** 2));
    expect(parseV1Size('3.7 GB')).toBe(Math.round(3.7 * 1024 ** 3));
    expect(parseV1Size('18 MB')).toBe(18 * 1024 ** 2);
    expect(secondsOf('00:04:33')).toBe(273);
  });

  test('schedules in words', () => {
    expect(rruleWords('RRULE:FREQ=DAILY;INTERVAL=1;BYHOUR=14;BYMINUTE=0')).toBe('Daily at 2:00 PM');
    expect(rruleWords('RRULE:FREQ=HOURLY;INTERVAL=4')).toBe('Every 4 hours');
    expect(rruleWords('RRULE:FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=1;BYMINUTE=5')).toBe(
      'Weekly on Monday, Thursday at 1:05 AM',
    );
    expect(veeamPolicyWords({ type: 'Periodically', periodicallyEvery: 'Minutes5' })).toBe('Every 5 minutes');
    expect(veeamPolicyWords({ type: 'Daily', dailyType: 'Workdays', dailyTime: '08:00:00' })).toBe(
      'Workdays at 8:00 AM',
    );
  });
});

const V1 = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  500: 'instanceFault',
  503: 'serviceUnavailable',
} as const;
const V2_CODES = [400, 401, 403, 404, 405, 409, 500, 501, 503];

describe('error mapping of every status code the seeds list', () => {
  test.each(Object.entries(V1))('v1.0 %s: the fault object gives code and message', async (status, fault) => {
    const body = JSON.stringify({
      [fault]: { code: Number(status), message: `Example ${fault} message.`, details: '' },
    });
    const e = (await vendor(Number(status), body)
      .send({ method: 'GET', path: '/backup/1' })
      .catch((x: unknown) => x)) as ApiError;
    expect(e).toMatchObject({
      kind: 'http',
      status: Number(status),
      code: fault,
      message: `Example ${fault} message.`,
    });
    expect(e.request).toEqual({ method: 'GET', url: '/v1.0/123456/backup/1' });
    expect(e.isTransient).toBe(Number(status) >= 500);
  });

  test.each(V2_CODES)('v2 %s: {message, errors} gives the message with its details', async (status) => {
    const body = JSON.stringify({ message: `Example ${status}.`, errors: ['First detail.'] });
    const e = (await vendor(status, body)
      .send({ method: 'POST', path: '/backups' })
      .catch((x: unknown) => x)) as ApiError;
    expect(e).toMatchObject({ kind: 'http', status, message: `Example ${status}. First detail.` });
    expect(e.isUnauthorized).toBe(status === 401);
  });

  test('Veeam {message, errorCode} and the token endpoint {error, error_description}', async () => {
    const e = (await vendor(404, '{"message":"Job not found.","errorCode":"NotFound"}')
      .send({ method: 'GET', path: '/x' })
      .catch((x: unknown) => x)) as ApiError;
    expect(e).toMatchObject({ status: 404, code: 'NotFound', message: 'Job not found.' });
    const t = (await vendor(
      400,
      '{"error":"invalid_grant","error_description":"The user name or password is incorrect."}',
    )
      .send({ method: 'POST', path: '/token' })
      .catch((x: unknown) => x)) as ApiError;
    expect(t).toMatchObject({
      status: 400,
      code: 'invalid_grant',
      message: 'The user name or password is incorrect.',
    });
  });

  test('a body without a message still gives a sentence a person can act on', async () => {
    const e = (await vendor(503, '<html>Service Unavailable</html>', 'text/html')
      .send({ method: 'GET', path: '/x' })
      .catch((x: unknown) => x)) as ApiError;
    expect(e).toMatchObject({ status: 503, message: 'The service is unavailable for now.' });
  });
});
