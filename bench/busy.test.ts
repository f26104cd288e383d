import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withBusyCore } from './busy';

/** This process's children that run the busy loop, read from Linux's /proc (no `ps` needed). */
function hogs(): string[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        // The parent's pid is the 4th field of `stat`, after the command in parentheses.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
        return ppid === process.pid && args.includes('for (;;) {}') ? [pid] : [];
      } catch {
        return []; // gone meanwhile
      }
    });
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
