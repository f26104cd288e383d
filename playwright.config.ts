import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './e2e/support/chromium';
import { freePortSync } from './e2e/support/free-port';

// Each worker has its own service (and data folder), so that specs on different workers never see each
// other's jobs, restores or expired tokens. A worker (its Chromium and its service) keeps about one core
// busy: on two cores a second worker made every test twice as slow and the run no shorter, so the default
// is one worker per two cores. E2E_WORKERS overrides it.
// The config is evaluated again in every worker: the first evaluation picks the ports and the data
// folders and hands them on through the environment, so that all agree.
const workers = Math.max(1, Number(process.env.E2E_WORKERS ?? Math.floor(availableParallelism() / 2)));
process.env.E2E_PORTS ??= Array.from({ length: workers }, () => freePortSync()).join(',');
process.env.E2E_DATA_DIRS ??= Array.from({ length: workers }, () =>
  mkdtempSync(join(tmpdir(), 'backup-console-e2e-')),
).join(',');
const ports = process.env.E2E_PORTS.split(',').map(Number);
const dataDirs = process.env.E2E_DATA_DIRS.split(',');
// What the fixtures read to give each worker its own service (e2e/fixtures.ts).
process.env.E2E_BASE_URLS = ports.map((port) => `http://127.0.0.1:${port}`).join(',');
const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never' }], ['json', { outputFile: 'reports/e2e.json' }]]
    : 'list',
  use: {
    // The first worker's service; e2e/fixtures.ts gives every other worker its own.
    baseURL: `http://127.0.0.1:${ports[0]}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { args: chromiumArgs, ...(executablePath ? { executablePath } : {}) },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: ports.map((port, i) => ({
    // The built console and the reference service from one process, as `npm start` serves them.
    command: `node --import tsx server/main.ts --port ${port} --data-dir ${dataDirs[i]} --speed 60 --test-controls --serve-console dist`,
    url: `http://127.0.0.1:${port}/health`,
    // Most specs exercise the browser signing in to each vendor; console mode has its own specs.
    env: { CONSOLE_CONNECTIONS: 'off' },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
  })),
});
