import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiError } from './api-error';
import type { RestorePoint } from './domain';
import { isInFlight } from './domain';
import type { BackupProvider } from './provider';
import type { InProcess } from './testing/in-process-service';
import { startInProcess } from './testing/in-process-service';

/** The demo vault password of encrypted agents (src/api/rackspace-v1/wire.ts). */
const VAULT_PASSWORD = 'demo-vault';

/** The restore wizard's calls, as every Rackspace adapter must answer them. */
export function restoreContract(connectionId: string) {
  describe(`restores: ${connectionId}`, () => {
    let t: InProcess;
    let p: BackupProvider;
    let points: RestorePoint[];
    beforeAll(async () => {
      t = await startInProcess();
      await t.runtime.signIn(connectionId, { username: 'support', password: 'demo' });
      p = t.runtime.provider(connectionId);
      points = await p.listRestorePoints(null);
    });
    afterAll(() => t.close());

    const input = (point: RestorePoint) => ({
      backupId: point.backupId,
      sourceAgentId: point.agentId,
      destinationAgentId: point.agentId,
      destinationPath: '/tmp/restore-test',
      overwrite: false,
    });
    const settle = async (id: string) => {
      await t.until(async () => !isInFlight((await p.getRestore(id)).state));
      return p.getRestore(id);
    };

    test('restore points of one configuration are its own, newest first', async () => {
      expect(points.length).toBeGreaterThan(0);
      const first = points[0]!;
      const mine = await p.listRestorePoints(first.configurationId);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((r) => r.configurationId === first.configurationId)).toBe(true);
      const times = mine.map((r) => Date.parse(r.completedAt ?? ''));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    test('destination agents say whether they are online', async () => {
      const agents = await p.listAgents();
      expect(agents.some((a) => a.online)).toBe(true);
      const ids = new Set(agents.map((a) => a.id));
      expect(points.every((r) => ids.has(r.agentId))).toBe(true);
    });

    test('an unencrypted restore runs to its end and reports what it restored', async () => {
      const point = points.find((r) => !r.encrypted);
      expect(point).toBeDefined();
      const created = await p.createRestore(input(point!), { start: true });
      expect(isInFlight(created.state)).toBe(true);
      expect(created.draft).toBe(false);
      const listed = (await p.listRestores()).find((r) => r.id === created.id);
      expect(listed).toMatchObject({ backupId: point!.backupId, destinationAgentId: point!.agentId });
      const done = await settle(created.id);
      expect(['succeeded', 'warning', 'failed']).toContain(done.state);
      expect(done.destinationPath).toBe('/tmp/restore-test');
      // A restore belongs to the configuration of its backup.
      expect(done.parentId).toBe(point!.configurationId);
      expect(done.parentName).toBe(point!.configurationName);
      if (done.state === 'succeeded') expect(done.progress.bytesDone).toBeGreaterThan(0);
    });

    test('a restore to another machine names its source and its destination, listed and read', async () => {
      const point = points.find((r) => !r.encrypted)!;
      const other = (await p.listAgents()).find((a) => a.online && a.enabled && a.id !== point.agentId)!;
      const created = await p.createRestore(
        { ...input(point), destinationAgentId: other.id },
        { start: true },
      );
      const expected = {
        sourceMachineName: point.machineName,
        destinationAgentId: other.id,
        destinationMachineName: other.name,
      };
      expect(await p.getRestore(created.id)).toMatchObject(expected);
      expect((await p.listRestores()).find((r) => r.id === created.id)).toMatchObject(expected);
      await settle(created.id);
    });

    test('an encrypted vault needs its password, sent only with the request that starts it', async () => {
      const point = points.find((r) => r.encrypted);
      expect(point).toBeDefined();
      const refused = (await p.createRestore(input(point!), { start: true, password: 'wrong password' }).then(
        () => null,
        (e: unknown) => e,
      )) as ApiError | null;
      expect(refused).toMatchObject({ kind: 'http', status: 400 });
      expect(refused?.message).toMatch(/password/i);
      const created = await p.createRestore(input(point!), { start: true, password: VAULT_PASSWORD });
      const done = await settle(created.id);
      expect(['succeeded', 'warning', 'failed']).toContain(done.state);
      const passwordSeen = t.requests.filter((r) => r.url.includes(VAULT_PASSWORD));
      expect(passwordSeen).toEqual([]);
    });

    test('a running restore can be stopped', async () => {
      const point = points.find((r) => !r.encrypted)!;
      const created = await p.createRestore(input(point), { start: true });
      t.tick(1_000);
      await p.stopRestore(created.id);
      const done = await settle(created.id);
      expect(done.state).toBe('stopped');
    });

    test('a viewer may not create a restore', async () => {
      await t.runtime.signIn(connectionId, { username: 'viewer', password: 'demo' });
      try {
        const e = await p.createRestore(input(points[0]!), { start: true }).then(
          () => null,
          (x: unknown) => x,
        );
        expect(e).toMatchObject({ status: 403 });
      } finally {
        await t.runtime.signIn(connectionId, { username: 'support', password: 'demo' });
      }
    });
  });
}
