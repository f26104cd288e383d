/**
 * Two builds of the console side by side: `npx tsx bench/ab.ts <dist A> <dist B>` (each a folder that
 * `npm run build` made, copied aside) measures the filter keystroke of the Jobs and Configurations lists
 * at 10,000 rows, in batches that alternate between the builds in one browser, and prints each build's
 * median, p75, p95 and mean. This machine's speed swings by a third from one minute to the next, so two
 * `npm run bench` runs cannot tell a change of 5-10 % from the swing; batches of a few seconds can.
 * `AB_ROUNDS` (default 10) rounds of `AB_BATCH` (default 10) keystrokes per build and list.
 */
import { launchBrowser, newPage, percentile, signIn } from './browser';
import { ROWS_IN, typeKeystrokes } from './list';
import type { RunningService } from './service';
import { startService } from './service';

const LISTS = [
  { path: '/jobs', label: 'Jobs', search: 'Search jobs' },
  { path: '/configurations', label: 'Configurations', search: 'Search configurations' },
];

async function main(): Promise<void> {
  const dists = process.argv.slice(2);
  if (dists.length !== 2) throw new Error('usage: npx tsx bench/ab.ts <dist A> <dist B>');
  const rounds = Number(process.env.AB_ROUNDS ?? 10);
  const batch = Number(process.env.AB_BATCH ?? 10);
  const browser = await launchBrowser();
  // One service per build, each with the same data set (the same seed and scale).
  const services: RunningService[] = [];
  try {
    for (const dist of dists) services.push(await startService({ scale: 10_000, speed: 1, dist }));
    const page = await newPage(browser);
    for (const s of services) await signIn(page, s.url, 'viewer');
    for (const list of LISTS) {
      const samples: number[][] = [[], []];
      for (let round = 0; round < rounds; round++) {
        // A then B, then B then A: neither build always follows the other.
        const order = round % 2 === 0 ? [0, 1] : [1, 0];
        for (const which of order) {
          await page.goto(`${services[which]!.url}${list.path}`);
          await page.waitForFunction(`${ROWS_IN(list.label)} >= 9000`, undefined, {
            timeout: 60_000,
            polling: 'raf',
          });
          await page.waitForTimeout(1500);
          await page.getByLabel(list.search).focus();
          samples[which]!.push(...(await typeKeystrokes(page, list.label, '7', batch)));
        }
      }
      samples.forEach((s, which) => {
        const mean = s.reduce((a, b) => a + b, 0) / s.length;
        const figures = [50, 75, 95].map((p) => percentile(s, p).toFixed(1)).join(' / ');
        console.log(
          `${list.label}, ${which === 0 ? 'A' : 'B'} (${dists[which]}): keystroke median / p75 / p95 ${figures} ms, mean ${mean.toFixed(1)} ms (${s.length})`,
        );
      });
    }
  } finally {
    for (const s of services) await s.close();
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
