import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, Role } from '../src/api/contract/roles';
import { roleMay } from '../src/api/contract/roles';
import type { Harness } from './rackspace-v1/test-support';
import { harness } from './rackspace-v1/test-support';

/**
 * The role matrix (src/api/contract/roles.ts) on every Rackspace endpoint: reads for everyone; each change only for
 * the roles that may, and a 403 with a message for the others.
 */
let h: Harness;
let ids: { backup: string; restore: string; config: string; agent: string };
beforeAll(async () => {
  h = await harness();
  const db = h.service.ctx.db;
  const one = (sql: string) => (db.prepare(sql).get() as { uuid: string }).uuid;
  ids = {
    backup: one(
      "SELECT uuid FROM rs_backups WHERE region = 'DFW' AND restorable = 1 ORDER BY id DESC LIMIT 1",
    ),
    restore: one("SELECT uuid FROM rs_restores WHERE region = 'DFW' LIMIT 1"),
    config: '7c8ee069-568f-4d5a-932f-fb2af86b5fd5',
    agent: '8f135b4f-7a69-4b8a-947f-5e80d772fd97',
  };
});
afterAll(() => h.close());

type Case = [method: string, path: string, action: Action, body?: (i: typeof ids) => unknown];

const STOP = [{ op: 'replace', path: '/state', value: 'stop_requested' }];
const ENABLE = [{ op: 'replace', path: '/enabled', value: true }];

const cases: Case[] = [
  ['GET', '/v1.0/110011/user/agents', 'read'],
  ['GET', '/v1.0/110011/agent/198300', 'read'],
  ['GET', '/v1.0/110011/backup-configuration', 'read'],
  ['GET', '/v1.0/110011/backup-configuration/148325', 'read'],
  ['GET', '/v1.0/110011/backup/availableforrestore', 'read'],
  ['GET', '/v1.0/110011/backup/completed/148325', 'read'],
  ['GET', '/v1.0/110011/restore/13692', 'read'],
  ['GET', '/v1.0/110011/activity', 'read'],
  ['GET', '/v2/110011/agents', 'read'],
  ['GET', '/v2/110011/configurations', 'read'],
  ['GET', '/v2/110011/backups', 'read'],
  ['GET', '/v2/110011/restores', 'read'],
  ['GET', '/v2/110011/activities', 'read'],
  [
    'POST',
    '/v1.0/110011/backup/action-requested',
    'backup.start',
    () => ({ Action: 'StartManual', Id: 148326 }),
  ],
  [
    'POST',
    '/v1.0/110011/backup/action-requested',
    'backup.stop',
    () => ({ Action: 'StopManual', Id: 368785 }),
  ],
  ['POST', '/v1.0/110011/backup-configuration/enable/148325', 'enable', () => ({ Enable: true })],
  ['POST', '/v1.0/110011/agent/enable', 'enable', () => ({ MachineAgentId: 198300, Enable: true })],
  ['POST', '/v1.0/110011/user/wakeupagents', 'agent.wake'],
  [
    'PUT',
    '/v1.0/110011/restore',
    'restore',
    () => ({ BackupId: 1, BackupMachineId: 1, DestinationMachineId: 1 }),
  ],
  [
    'POST',
    '/v1.0/110011/restore',
    'restore',
    () => ({ RestoreId: 13692, BackupId: 1, BackupMachineId: 1, DestinationMachineId: 1 }),
  ],
  [
    'PUT',
    '/v1.0/110011/restore/files',
    'restore',
    () => ({ FilePath: '/etc', Filter: 1, ParentId: 13692, FileItemType: 1 }),
  ],
  ['DELETE', '/v1.0/110011/restore/files/13692', 'restore'],
  ['POST', '/v1.0/110011/restore/action-requested', 'restore', () => ({ Action: 'StopManual', Id: 13689 })],
  [
    'POST',
    '/v2/110011/backups',
    'backup.start',
    (i) => ({ configuration_id: i.config, state: 'start_requested' }),
  ],
  ['PATCH', '/v2/110011/backups/:backup', 'backup.stop', () => STOP],
  ['PATCH', '/v2/110011/configurations/:config', 'enable', () => ENABLE],
  ['PATCH', '/v2/110011/agents/:agent', 'enable', () => ENABLE],
  ['POST', '/v2/110011/restores', 'restore', (i) => ({ backup_id: i.backup, destination_agent_id: i.agent })],
  ['PATCH', '/v2/110011/restores/:restore', 'restore', () => STOP],
];

const roles: Role[] = ['viewer', 'support', 'admin'];

describe('the role matrix on every Rackspace endpoint', () => {
  for (const role of roles) {
    it(`${role}: allowed where the matrix says, 403 with a message elsewhere`, async () => {
      for (const [method, template, action, body] of cases) {
        const path = template.replace(/:(\w+)/, (_, key: keyof typeof ids) => ids[key]);
        const res = await h.call(method, path, { role, body: body?.(ids) });
        const where = `${role} ${method} ${template}`;
        if (roleMay(role, action)) {
          expect(res.status, where).not.toBe(403);
          expect(res.status, where).toBeLessThan(500);
        } else {
          expect(res.status, where).toBe(403);
          expect(await res.text(), where).toMatch(new RegExp(`Your role \\(${role}\\) may not`));
        }
      }
    });
  }
});
