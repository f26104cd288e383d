import { describe, expect, it } from 'vitest';
import { loadConfig, parseFaults } from './config';

describe('configuration', () => {
  it('reads flags before the environment, with defaults', () => {
    const c = loadConfig(['--port', '9000'], { PORT: '7000', SPEED: '30', DATA_DIR: '/tmp/x' });
    expect(c).toMatchObject({ port: 9000, speed: 30, dataDir: '/tmp/x', seed: 42 });
    expect(loadConfig([], {}).port).toBe(8080);
  });

  it('refuses a bad number with a message naming the setting', () => {
    expect(() => loadConfig([], { SPEED: 'fast' })).toThrow(/SPEED must be a number/);
  });

  it('reads the restore session idle time: 30 minutes unless set, 0 for never', () => {
    expect(loadConfig([], {}).restoreSessionIdleMinutes).toBe(30);
    expect(loadConfig([], { RESTORE_IDLE_MINUTES: '0' }).restoreSessionIdleMinutes).toBe(0);
    expect(loadConfig(['--restore-idle-minutes', '5'], {}).restoreSessionIdleMinutes).toBe(5);
    expect(() => loadConfig([], { RESTORE_IDLE_MINUTES: '-1' })).toThrow(/RESTORE_IDLE_MINUTES must be/);
  });

  it('parses FAULTS', () => {
    expect(parseFaults('latency=300,errors=0.2,drop=0.1')).toEqual({
      latencyMs: 300,
      errorRate: 0.2,
      dropRate: 0.1,
    });
    expect(parseFaults(undefined)).toEqual({ latencyMs: 0, errorRate: 0, dropRate: 0 });
    expect(() => parseFaults('boom=1')).toThrow(/unknown fault/);
  });
});
