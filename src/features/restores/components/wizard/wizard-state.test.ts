import { describe, expect, it } from 'vitest';
import type { RestorePoint } from '../../../../api/domain';
import {
  EMPTY_CHOICES,
  choose,
  isAbsolutePath,
  openLink,
  restoreInput,
  stepProblem,
  wizardSteps,
} from './wizard-state';

const point = (over: Partial<RestorePoint> = {}): RestorePoint => ({
  backupId: '501',
  configurationId: '7',
  configurationName: 'Web files',
  agentId: '42',
  machineName: 'web01',
  completedAt: '2026-11-21T02:04:00Z',
  encrypted: false,
  ...over,
});

describe('restore wizard state', () => {
  it('asks for the vault password only when the backup is encrypted', () => {
    expect(wizardSteps({ ...EMPTY_CHOICES, point: point() })).toEqual([
      'configuration',
      'point',
      'destination',
      'review',
    ]);
    expect(wizardSteps({ ...EMPTY_CHOICES, point: point({ encrypted: true }) })).toContain('password');
  });

  it('says what is missing on each step', () => {
    const c = { ...EMPTY_CHOICES, connectionId: 'rackspace-dfw' };
    expect(stepProblem('configuration', EMPTY_CHOICES, '')).toMatch(/connection/);
    expect(stepProblem('configuration', c, '')).toMatch(/configuration/);
    expect(stepProblem('point', c, '')).toMatch(/restore point/);
    expect(
      stepProblem('destination', { ...c, destinationAgentId: '42', pathMode: 'other', path: '' }, ''),
    ).toMatch(/folder/);
    expect(
      stepProblem('destination', { ...c, destinationAgentId: '42', pathMode: 'other', path: 'tmp' }, ''),
    ).toMatch(/full path/);
    expect(
      stepProblem('destination', { ...c, destinationAgentId: '42', pathMode: 'other', path: 'D:\\r' }, ''),
    ).toBeNull();
    expect(stepProblem('password', c, '')).toMatch(/vault password/);
    expect(stepProblem('password', c, 'demo-vault')).toBeNull();
  });

  it('clears later choices when an earlier one changes and preselects the source machine', () => {
    let c = choose(EMPTY_CHOICES, { connectionId: 'rackspace-dfw' });
    c = choose(c, { configurationId: '7' });
    c = choose(c, { point: point() });
    expect(c.destinationAgentId).toBe('42');
    c = choose(c, { pathMode: 'other', path: '/srv/r' });
    expect(choose(c, { configurationId: '8' })).toMatchObject({ point: null, destinationAgentId: null });
    expect(choose(c, { connectionId: 'rackspace-ord' })).toEqual({
      ...EMPTY_CHOICES,
      connectionId: 'rackspace-ord',
    });
  });

  it('builds the request with the original place as null', () => {
    const c = { ...EMPTY_CHOICES, point: point(), destinationAgentId: '43', overwrite: true };
    expect(restoreInput(c)).toEqual({
      backupId: '501',
      sourceAgentId: '42',
      destinationAgentId: '43',
      destinationPath: null,
      overwrite: true,
    });
    expect(restoreInput({ ...c, pathMode: 'other', path: ' /srv/r ' })?.destinationPath).toBe('/srv/r');
    expect(restoreInput(EMPTY_CHOICES)).toBeNull();
  });

  it('knows full paths on both systems', () => {
    expect(['/a', 'C:\\x', 'c:/x', '\\\\srv\\share'].every(isAbsolutePath)).toBe(true);
    expect(['a/b', '', 'C:x'].some(isAbsolutePath)).toBe(false);
  });

  it('opens a link on its connection with its configuration still to check, or says why not', () => {
    const two = [{ id: 'rackspace-dfw' }, { id: 'rackspace-ord' }];
    expect(openLink(two, { connectionId: 'rackspace-ord', configurationId: '7', backupId: '501' })).toEqual({
      connectionId: 'rackspace-ord',
      pending: { configurationId: '7', backupId: '501' },
      problem: null,
    });
    expect(openLink(two, {})).toEqual({ connectionId: null, pending: null, problem: null });
    // One connection: the one a link without a connection means.
    expect(openLink(two.slice(0, 1), { configurationId: '7' })).toMatchObject({
      connectionId: 'rackspace-dfw',
      pending: { configurationId: '7', backupId: null },
    });
    // A connection the person cannot restore on: its configuration is not looked for on another.
    const away = openLink(two.slice(0, 1), { connectionId: 'veeam', configurationId: '7' });
    expect(away).toMatchObject({ connectionId: 'rackspace-dfw', pending: null });
    expect(away.problem?.text).toMatch(/connection veeam/);
  });
});
