import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './e2e/support/chromium';
import { freePortSync } from './e2e/support/free-port';

// The config is evaluated again in every worker: the first evaluation picks the port and the data
// folder and hands them on through the environment, so that all agree.
process.env.E2E_PORT ??= String(freePortSync());
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'backup-console-e2e-'));
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;
const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never' }], ['json', { outputFile: 'reports/e2e.json' }]]
    : 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { args: chromiumArgs, ...(executablePath ? { executablePath } : {}) },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The built console and the reference service from one process, as `npm start` serves them.
    command: `node --import tsx server/main.ts --port ${port} --data-dir ${process.env.E2E_DATA_DIR} --speed 60 --test-controls --serve-console dist`,
    url: `${baseURL}/health`,
    // Most specs exercise the browser signing in to each vendor; console mode has its own specs.
    env: { CONSOLE_CONNECTIONS: 'off' },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
