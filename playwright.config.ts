import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './e2e/support/chromium';
import { freePortSync } from './e2e/support/free-port';
import { scratchDir } from './e2e/support/scratch';

// Each worker has its own service (and data folder), so that specs on different workers never see each
// other's jobs, restores or expired tokens. One worker per core (E2E_WORKERS overrides it): once Chromium
// stopped drawing what nobody looks at (below, and the omnibox popups in e2e/support/chromium.ts), a
// worker left most of a core idle, and on the 2-core machine the whole run took 6.3 min in CI on two
// workers against 11.8 min on one before.
// The config is evaluated again in every worker: the first evaluation picks the ports and the data
// folders and hands them on through the environment, so that all agree.
const workers = Math.max(1, Number(process.env.E2E_WORKERS ?? availableParallelism()));
process.env.E2E_PORTS ??= Array.from({ length: workers }, () => freePortSync()).join(',');
if (!process.env.E2E_RUN_DIR) {
  // One folder for everything the run writes (e2e/support/scratch.ts): the services' data and the specs'
  // files. The process that made it removes it as it exits, once Playwright has stopped the services.
  const runDir = mkdtempSync(join(tmpdir(), 'backup-console-e2e-'));
  process.env.E2E_RUN_DIR = runDir;
  process.on('exit', () => rmSync(runDir, { recursive: true, force: true }));
}
process.env.E2E_DATA_DIRS ??= Array.from({ length: workers }, () => scratchDir('service')).join(',');
const ports = process.env.E2E_PORTS.split(',').map(Number);
const dataDirs = process.env.E2E_DATA_DIRS.split(',');
// What the fixtures read to give each worker its own service (e2e/fixtures.ts).
process.env.E2E_BASE_URLS = ports.map((port) => `http://127.0.0.1:${port}`).join(',');
const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: './e2e',
  // Specs only: `e2e/support/*.test.ts` are Vitest's (unit tests of the e2e helpers).
  testMatch: '**/*.spec.ts',
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
    // A trace (a DOM snapshot per action and a screencast of every frame) on a failed test's retry only:
    // recorded for every test it took about a fifth of the run's time. A first failure still keeps its
    // screenshot.
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    // The run bar's stripes and the navigation's slide stand still (the console honours the setting), so
    // Chromium does not draw 60 frames a second in software for a test that only reads the page.
    contextOptions: { reducedMotion: 'reduce' },
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
