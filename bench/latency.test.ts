import { describe, expect, it } from 'vitest';
import { connectionOf } from './latency';

describe('connectionOf', () => {
  it('tells each demo connection by the path of a request, with the contract’s patterns', () => {
    const at = (path: string) => connectionOf(`http://127.0.0.1:1${path}`);
    expect(at('/v5/Jobs')).toBe('veeam');
    expect(at('/V5/jobsessions?limit=200')).toBe('veeam');
    expect(at('/v2.0/tokens')).toBe('identity');
    expect(at('/dfw/v1.0/110011/activity')).toBe('rackspace-dfw');
    expect(at('/ord/v2/110011/backups?limit=200')).toBe('rackspace-ord');
    expect(at('/v1.0/110011/backup-configuration')).toBe('rackspace-dfw');
    expect(at('/assets/index.js')).toBeNull();
    expect(at('/config.json')).toBeNull();
  });
});
