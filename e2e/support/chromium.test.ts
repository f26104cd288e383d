import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { chromiumArgs, PLAYWRIGHT_DISABLED_FEATURES } from './chromium';

/** The feature names in the `disabledFeatures` list of the installed Playwright's Chromium launcher. */
function playwrightDisabledFeatures(): string[] {
  const root = dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
  const bundle = readFileSync(join(root, 'lib', 'coreBundle.js'), 'utf8');
  const start = bundle.indexOf('disabledFeatures = [');
  expect(start, "Playwright's launcher no longer has its disabledFeatures list where it was").toBeGreaterThan(
    -1,
  );
  const list = bundle.slice(start, bundle.indexOf(']', start));
  return [...list.matchAll(/^\s*"([^"]+)",?\s*$/gm)].map((m) => m[1]!);
}

test("our --disable-features repeats every feature Playwright's own turns off (Chromium keeps only the last)", () => {
  const theirs = playwrightDisabledFeatures();
  expect(theirs.length).toBeGreaterThan(5);
  expect(new Set(PLAYWRIGHT_DISABLED_FEATURES)).toEqual(new Set(theirs));
  const ours = chromiumArgs.filter((a) => a.startsWith('--disable-features='));
  expect(ours).toHaveLength(1);
  expect(ours[0]!.slice('--disable-features='.length).split(',')).toEqual(
    expect.arrayContaining([...theirs, 'WebUIOmniboxPopup']),
  );
});
