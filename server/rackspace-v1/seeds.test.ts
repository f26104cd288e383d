import { afterEach, describe, expect, it } from 'vitest';
import { backupDetailSchema, restoreSchema } from '../../src/api/rackspace-v1/wire';
import type { Harness } from './test-support';
import { harness } from './test-support';

/** Seeds 000 and 001, each example request exactly as the seed writes it, against a fresh demo data set. */
let h: Harness;
afterEach(() => h.close());

const BACKUP = '/v1.0/110011/backup/action-requested';
const RESTORE = '/v1.0/110011/restore/action-requested';

describe('seed 000: start or stop a backup manually', () => {
  it('starts configuration 148325 and answers the new BackupId as a bare number (200), then stops it (204)', async () => {
    h = await harness();
    const start = await h.call('POST', BACKUP, {
      body: `{
       "Action" : "StartManual",
       "Id": 148325
   }`,
    });
    expect(start.status).toBe(200);
    expect((await start.text()).trim()).toBe('368785');

    const detail = backupDetailSchema.parse(await (await h.call('GET', '/v1.0/110011/backup/368785')).json());
    expect(detail).toMatchObject({
      BackupId: 368785,
      BackupConfigurationId: 148325,
      CurrentState: 'StartRequested',
    });

    const stop = await h.call('POST', BACKUP, {
      body: `{
       "Action" : "StopManual",
       "Id": 368785
   }`,
    });
    expect(stop.status).toBe(204);
    expect(await stop.text()).toBe('');
    const after = backupDetailSchema.parse(await (await h.call('GET', '/v1.0/110011/backup/368785')).json());
    expect(after.CurrentState).toBe('StopRequested');
  });

  it('never starts a second run of a configuration: 400 with a message', async () => {
    h = await harness();
    expect((await h.call('POST', BACKUP, { body: { Action: 'StartManual', Id: 148325 } })).status).toBe(200);
    const again = await h.call('POST', BACKUP, { body: { Action: 'StartManual', Id: '148325' } });
    expect(again.status).toBe(400);
    const body = (await again.json()) as { badRequest: { code: number; message: string } };
    expect(body.badRequest.code).toBe(400);
    expect(body.badRequest.message).toMatch(/already running \(backup 368785, state StartRequested\)/);
  });

  it('answers each status code the seed lists: 400, 401, 403, 404', async () => {
    h = await harness();
    expect((await h.call('POST', BACKUP, { body: { Action: 'Start', Id: 148325 } })).status).toBe(400);
    expect(
      (await h.call('POST', BACKUP, { role: null, body: { Action: 'StartManual', Id: 148325 } })).status,
    ).toBe(401);
    const viewer = await h.call('POST', BACKUP, {
      role: 'viewer',
      body: { Action: 'StartManual', Id: 148325 },
    });
    expect(viewer.status).toBe(403);
    expect(((await viewer.json()) as { forbidden: { message: string } }).forbidden.message).toMatch(
      /viewer.*may not start a backup/,
    );
    const unknown = await h.call('POST', BACKUP, { body: { Action: 'StartManual', Id: 999 } });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { itemNotFound: { message: string } }).itemNotFound.message).toMatch(
      /No backup configuration 999/,
    );
  });
});

describe('seed 001: start or stop a restore manually', () => {
  it('refuses the single-quoted encrypted example with 400 and says why (it is not valid JSON)', async () => {
    h = await harness();
    const res = await h.call('POST', RESTORE, {
      body: `{
       "Action": "StartManual",
       "EncryptedPassword" : 'myencryptedpassword',
       "Id": 13689
   }`,
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { badRequest: { code: number; message: string } };
    expect(body.badRequest.code).toBe(400);
    expect(body.badRequest.message).toMatch(/not valid JSON.*double quotes/s);
  });

  it('starts the unencrypted restore 13692 (204, no body) and stops restore 13689 (204)', async () => {
    h = await harness();
    const start = await h.call('POST', RESTORE, {
      body: `{
       "Action": "StartManual",
       "Id": 13692
   }`,
    });
    expect(start.status).toBe(204);
    expect(await start.text()).toBe('');
    const started = restoreSchema.parse(await (await h.call('GET', '/v1.0/110011/restore/13692')).json());
    expect(started.RestoreStateId).toBe(6); // StartRequested

    const stop = await h.call('POST', RESTORE, {
      body: `{
       "Action": "StopManual",
       "Id": 13689
   }`,
    });
    expect(stop.status).toBe(204);
    const stopped = restoreSchema.parse(await (await h.call('GET', '/v1.0/110011/restore/13689')).json());
    expect(stopped.RestoreStateId).toBe(4); // Stopped
  });

  it('the encrypted example written as valid JSON is refused for its wrong vault password, and works with the right one', async () => {
    h = await harness();
    const wrong = await h.call('POST', RESTORE, {
      body: { Action: 'StartManual', EncryptedPassword: 'myencryptedpassword', Id: 13689 },
    });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { badRequest: { message: string } }).badRequest.message).toMatch(
      /vault password is not right/,
    );
    const missing = await h.call('POST', RESTORE, { body: { Action: 'StartManual', Id: 13689 } });
    expect(((await missing.json()) as { badRequest: { message: string } }).badRequest.message).toMatch(
      /encrypted: send the vault password/,
    );
    const hex = Buffer.from('demo-vault').toString('hex');
    expect(
      (await h.call('POST', RESTORE, { body: { Action: 'StartManual', EncryptedPassword: hex, Id: 13689 } }))
        .status,
    ).toBe(204);
    const again = await h.call('POST', RESTORE, {
      body: { Action: 'StartManual', EncryptedPassword: 'demo-vault', Id: 13689 },
    });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { badRequest: { message: string } }).badRequest.message).toMatch(
      /already running/,
    );
  });

  it('answers 401, 403 and 404 as the seed lists', async () => {
    h = await harness();
    expect(
      (await h.call('POST', RESTORE, { role: null, body: { Action: 'StartManual', Id: 13692 } })).status,
    ).toBe(401);
    expect(
      (await h.call('POST', RESTORE, { role: 'viewer', body: { Action: 'StartManual', Id: 13692 } })).status,
    ).toBe(403);
    expect(
      (await h.call('POST', RESTORE, { role: 'support', body: { Action: 'StartManual', Id: 13692 } })).status,
    ).toBe(204);
    expect((await h.call('POST', RESTORE, { body: { Action: 'StopManual', Id: 1 } })).status).toBe(404);
  });
});
