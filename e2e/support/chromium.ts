import { existsSync } from 'node:fs';

/**
 * Debian's Chromium when the machine has one (Playwright cannot download its own browser here);
 * CHROMIUM_PATH overrides; otherwise Playwright's own browser.
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/**
 * Without these, Chromium's calls home fail on a closed network and slow every test, and its own UI
 * costs CPU.
 */
export const chromiumArgs = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-gpu',
  // Chromium renders its address bar's suggestion popups as web pages, loaded anew for every browser
  // context (one per test): about a second of CPU each, for a popup no test opens. Chromium merges this
  // list with Playwright's own.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];
