import { describe, expect, test } from 'vitest';
import { ACTIONS, LEAST_ROLE, ROLES } from '../api/contract/roles';
import type { CapabilityFlags } from './can';
import { can, permission } from './can';

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
  test.each(ACTIONS.map((a) => [a, LEAST_ROLE[a]] as const))(
    '%s: allowed from %s upwards, refused below',
    (action, least) => {
      const from = ROLES.indexOf(least);
      ROLES.forEach((role, i) => expect(can(role, action), role).toBe(i >= from));
    },
  );

  test('the role matrix: support runs restores and backups but may not stop or enable', () => {
    expect(can('support', 'restore')).toBe(true);
    expect(can('support', 'backup.start')).toBe(true);
    expect(can('support', 'backup.stop')).toBe(false);
    expect(can('support', 'enable')).toBe(false);
    expect(can('viewer', 'backup.start')).toBe(false);
    expect(can('viewer', 'read')).toBe(true);
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
    expect(permission('viewer', 'restore', ALL).reason).toBe(
      'Your role (viewer) may not create, start or stop a restore; this needs the support or admin role.',
    );
    expect(permission(null, 'read', ALL).reason).toMatch(/Sign in/);
  });
});
