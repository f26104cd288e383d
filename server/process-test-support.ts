import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';

/**
 * Tests and benchmarks only: `server/main.ts` as `npm run server` starts it, on a free port; resolves
 * once it listens. `options.env` is added to this process's environment for it.
 */
export async function startMain(
  args: string[],
  options: { env?: NodeJS.ProcessEnv } = {},
): Promise<{ url: string; child: ChildProcess; output(): string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server/main.ts exited (${code}): ${output}`)));
  });
  return {
    url,
    child,
    /** What it wrote to stdout and stderr so far. */
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
