import { spawn } from 'node:child_process';
import { once } from 'node:events';

/**
 * Runs `work` while another process keeps one core busy (a loop that never yields, at the same
 * priority as the browser): the machine of a person whose other programs are working, which the
 * keystroke's budget must hold on (issue 11: under 50 ms). On this project's 2-core machine that leaves
 * one core to the browser's threads, the benchmark and the service.
 */
export async function withBusyCore<T>(work: () => Promise<T>): Promise<T> {
  const hog = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    hog.once('spawn', resolve);
    hog.once('error', reject);
  });
  try {
    // Let it take its core before the first measurement.
    await new Promise((r) => setTimeout(r, 500));
    return await work();
  } finally {
    // Gone before the next measurement starts.
    const exited = once(hog, 'exit');
    hog.kill('SIGKILL');
    await exited;
  }
}
