import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { freePortSync } from './free-port';

/**
 * A second reference service for one test (the built console included), e.g. with FAULTS on. It can
 * be restarted on the same port and data folder with other flags, as an operator would.
 */
export class ExtraService {
  readonly port = freePortSync();
  readonly url = `http://127.0.0.1:${this.port}`;
  private child: ChildProcess | null = null;

  constructor(private readonly dataDir: string) {}

  /**
   * `env`: added to this process's environment. The browser signs in to each vendor unless `env` says
   * otherwise (`CONSOLE_CONNECTIONS: ''` for the console mode that `npm start` runs by default).
   */
  async start(extra: string[] = [], env: Record<string, string> = {}): Promise<void> {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'server/main.ts',
        '--port',
        String(this.port),
        '--data-dir',
        this.dataDir,
        '--speed',
        '60',
        '--serve-console',
        'dist',
        ...extra,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CONSOLE_CONNECTIONS: 'off', ...env } },
    );
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the extra service did not start within 30 s')),
        30_000,
      );
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('listening on')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the extra service exited with ${code}`));
      });
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}
