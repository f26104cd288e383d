import { describe, expect, test } from 'vitest';
// eslint-disable-next-line import/no-restricted-paths -- the copy must match the service's matrix
import { roleMay } from '../../server/identity/roles';
import type { Action, CapabilityFlags, Role } from './can';
import { can, permission } from './can';

const ROLES: Role[] = ['viewer', 'support', 'admin'];
const ACTIONS: Action[] = [
  'read',
  'backup.start',
  'backup.stop',
  'enable',
  'restore',
  'restore-session',
  'restore-content.browse',
  'restore-content.restore',
  'agent.wake',
];
const ALL: CapabilityFlags = {
  startBackup: true,
  stopBackup: true,
  enableDisable: true,
  restores: true,
  restoreSessions: true,
  restoreSessionContent: true,
  wakeAgents: true,
};

describe('can', () => {
  test.each(ROLES.flatMap((r) => ACTIONS.map((a) => [r, a] as const)))(
    'can(%s, %s) matches the service',
    (role, action) => {
      expect(can(role, action)).toBe(roleMay(role, action));
    },
  );

  test('PRODUCT.md: support runs restores and backups but may not stop or enable', () => {
    expect(can('support', 'restore')).toBe(true);
    expect(can('support', 'backup.start')).toBe(true);
    expect(can('support', 'backup.stop')).toBe(false);
    expect(can('support', 'enable')).toBe(false);
    expect(can('viewer', 'backup.start')).toBe(false);
    expect(can(null, 'read')).toBe(false);
  });
});

describe('permission', () => {
  test('role and capability both count, with the reason', () => {
    expect(permission('admin', 'enable', ALL)).toEqual({ allowed: true, reason: null });
    const noWake = permission('admin', 'agent.wake', { ...ALL, wakeAgents: false });
    expect(noWake.allowed).toBe(false);
    expect(noWake.reason).toMatch(/connection cannot wake agents/);
    const support = permission('support', 'backup.stop', ALL);
    expect(support).toEqual({
      allowed: false,
      reason: 'Your role (support) may not stop a backup; this needs the admin role.',
    });
    expect(permission(null, 'read', ALL).reason).toMatch(/Sign in/);
  });
});
