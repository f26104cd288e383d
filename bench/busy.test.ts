import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { withBusyCore } from './busy';

/** This process's children that run the busy loop (Linux's `ps`). */
function hogs(): string[] {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  } catch {
    // ps exits 1 when no process matches.
  }
  return out.split('\n').filter((line) => line.includes('for (;;) {}'));
}

describe('withBusyCore', () => {
  it('keeps a process spinning while the work runs, and ends it before it returns', async () => {
    const during = await withBusyCore(() => Promise.resolve(hogs()));
    expect(during).toHaveLength(1);
    expect(hogs()).toEqual([]);
  });

  it('ends the process when the work fails, and passes the failure on', async () => {
    await expect(withBusyCore(() => Promise.reject(new Error('the work failed')))).rejects.toThrow(
      'the work failed',
    );
    expect(hogs()).toEqual([]);
  });
});
