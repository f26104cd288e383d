import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumExecutable } from '../e2e/support/chromium';
import { freePortSync } from '../e2e/support/free-port';
import { READY_MARK } from '../src/lib/ready-mark';

export interface LighthouseFigures {
  /**
   * 'overview': the Overview with the browser's cache emptied first, as for someone who signed in long
   * ago; 'overview-cached' (mobile only, no budget of its own): again with the files of the run before in
   * the cache, as someone has them on their first Overview right after signing in (the sign-in page
   * prefetches the Overview's files while the person types).
   */
  page: 'sign-in' | 'overview' | 'overview-cached';
  /** 'mobile-devtools': the mobile preset with its throttling applied to the load itself (see below). */
  preset: 'mobile' | 'desktop' | 'mobile-devtools';
  runs: number;
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  bytes: number;
  benchmarkIndex: number;
  /**
   * The lowest and highest of the runs, for the figures that move most between runs of one build: on a
   * busy two-core machine the estimate's TBT (each task of the full-speed load counted four times) has
   * ranged 285–826 ms on one build, so a median alone can hide that a budget holds only some of the time.
   */
  spread: { score: Range; lcpMs: Range; tbtMs: Range };
  /**
   * When React's first commit came (READY_MARK, src/lib/ready-mark.ts: the page works from then on), as the
   * load measured it: with DevTools throttling, on the phone; otherwise at full speed, not estimated.
   * NaN for a page without code (console mode's sign-in page).
   */
  readyMs: number;
}

/** What this file reads of a Lighthouse result (Lighthouse 12's LH.Result). */
interface Lhr {
  categories: { performance?: { score: number | null } };
  audits: Record<
    string,
    { numericValue?: number; details?: { items?: { name?: string; startTime?: number }[] } } | undefined
  >;
  environment: { benchmarkIndex: number };
  runtimeError?: { code: string; message: string };
}
type RunLighthouse = (
  url: string,
  flags: Record<string, unknown>,
  config?: unknown,
  page?: unknown,
) => Promise<{ lhr: Lhr; artifacts?: { Trace?: { traceEvents?: unknown[] } } } | undefined>;
interface PuppeteerPage {
  goto(url: string): Promise<unknown>;
  type(selector: string, text: string): Promise<void>;
  click(selector: string): Promise<void>;
  waitForFunction(fn: string, options?: { timeout: number }): Promise<unknown>;
  createCDPSession(): Promise<{ send(method: string): Promise<unknown> }>;
  close(): Promise<void>;
}
interface PuppeteerBrowser {
  newPage(): Promise<PuppeteerPage>;
  /** A context of its own: its own cookies (none), as a visitor who has not signed in has. */
  createBrowserContext(): Promise<{ newPage(): Promise<PuppeteerPage>; close(): Promise<void> }>;
  disconnect(): Promise<void>;
}

// Loaded by name at run time: Lighthouse is a dev dependency of the benchmark alone, and a checkout
// whose node_modules predates it still type-checks and runs everything else.
const load = (name: string) => import(name) as Promise<Record<string, unknown>>;

/** Lighthouse's errors for a trace that was not recorded, which it asks to run again. */
const RECORDING_FAILURES = new Set(['NO_NAVSTART', 'NO_TRACING_STARTED']);

type Range = [low: number, high: number];
const range = (values: number[]): Range => [Math.min(...values), Math.max(...values)];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Starts the console exactly as `npm start` runs it, in its own process: `server/main.ts
 * --serve-console <dist>` with the default speed and data set, on a free port and a new data folder.
 */
async function startConsole(dist: string): Promise<{ url: string; stop(): void }> {
  const port = freePortSync();
  const dataDir = mkdtempSync(join(tmpdir(), 'backup-console-lighthouse-'));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/main.ts',
      '--serve-console',
      dist,
      '--port',
      String(port),
      '--data-dir',
      dataDir,
    ],
    { cwd: join(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const stop = () => {
    process.off('exit', stop);
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
  // Whatever way the benchmark ends (a failed run, an exception, Ctrl-C's exit), the server goes too.
  process.on('exit', stop);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the console server did not start in 60 s')), 60_000);
      child.once('exit', (code) => reject(new Error(`the console server exited (${code})`)));
      child.stdout.on('data', (d: Buffer) => {
        if (String(d).includes('listening on')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  } catch (err) {
    stop();
    throw err;
  }
  return { url: `http://127.0.0.1:${port}`, stop };
}

/**
 * Lighthouse 12, performance category only, in the machine's Chromium: `/sign-in` signed out (in a
 * browser context of its own, without cookies), and the Overview signed in (the sign-in is scripted in
 * the same tab, whose console session cookie — `npm start` runs console mode — then stays with the
 * browser and comes with the page's request, so the server renders the Overview with the person's data;
 * Lighthouse keeps storage and the benchmark clears the HTTP cache itself before each run), each
 * with the mobile and the desktop preset, `runs` times; each figure is the median of the runs.
 */
export async function measureLighthouse(dist: string, runs = 3): Promise<LighthouseFigures[]> {
  const lighthouse = (await load('lighthouse')).default as RunLighthouse;
  const desktopConfig = (await load('lighthouse/core/config/desktop-config.js')).default;
  // LIGHTHOUSE_CPU_SLOWDOWN=1 runs the mobile preset with its network but without its 4× CPU slowdown:
  // what stays of a figure then is the network's part (the bytes and the round trips on its path).
  const slowdown = process.env.LIGHTHOUSE_CPU_SLOWDOWN;
  const { throttling } = (await load('lighthouse/core/config/constants.js')) as {
    throttling: { mobileSlow4G: Record<string, number> };
  };
  const mobileConfig = slowdown
    ? {
        extends: 'lighthouse:default',
        settings: { throttling: { ...throttling.mobileSlow4G, cpuSlowdownMultiplier: Number(slowdown) } },
      }
    : undefined;
  // Lighthouse's default (`simulate`) loads the page at full speed and estimates the phone's figures from
  // that load's trace; a file that arrived before the first paint counts as needed for it. Here every
  // file arrives in milliseconds, so a page whose paint needs only its HTML (the sign-in page, rendered
  // by the server) is estimated as if it waited for its scripts too. 'mobile-devtools' applies the same
  // network and CPU to the load itself (Lighthouse's `devtools` throttling) and measures what happens.
  const devtoolsConfig = { extends: 'lighthouse:default', settings: { throttlingMethod: 'devtools' } };
  const chromeLauncher = await load('chrome-launcher');
  const puppeteer = (await load('puppeteer-core')).default as {
    connect(o: { browserURL: string; defaultViewport: null }): Promise<PuppeteerBrowser>;
  };
  const server = await startConsole(dist);
  let chrome: { port: number; kill(): Promise<void> | void } | null = null;
  let browser: PuppeteerBrowser | null = null;
  const out: LighthouseFigures[] = [];
  try {
    chrome = (await (chromeLauncher.launch as (o: unknown) => Promise<unknown>)({
      chromePath: chromiumExecutable(),
      // chrome-launcher turns off features of its own (`--disable-features`); Chromium reads only the
      // last such list, so ours (made for Playwright's launch) stays out.
      chromeFlags: [
        '--headless',
        '--no-sandbox',
        ...chromiumArgs.filter((a) => !a.startsWith('--disable-features=')),
      ],
    })) as { port: number; kill(): Promise<void> | void };
    browser = await puppeteer.connect({
      browserURL: `http://127.0.0.1:${chrome.port}`,
      defaultViewport: null,
    });
    const signedIn = await browser.newPage();
    await signedIn.goto(`${server.url}/sign-in`);
    await signedIn.waitForFunction(`!!document.querySelector('input[autocomplete="username"]')`, {
      timeout: 30_000,
    });
    await signedIn.type('input[autocomplete="username"]', 'viewer');
    await signedIn.type('input[type="password"]', 'demo');
    await signedIn.click('button[type="submit"]');
    await signedIn.waitForFunction(`location.pathname === '/'`, { timeout: 30_000 });
    const cdp = await signedIn.createCDPSession();

    // LIGHTHOUSE_PAGES=overview and LIGHTHOUSE_PRESETS=mobile narrow a run down while working on one.
    const pick = <T extends string>(all: readonly T[], env: string | undefined): T[] =>
      env ? all.filter((v) => env.split(',').includes(v)) : [...all];
    for (const preset of pick(
      ['mobile', 'desktop', 'mobile-devtools'] as const,
      process.env.LIGHTHOUSE_PRESETS,
    )) {
      for (const page of pick(
        ['sign-in', 'overview', 'overview-cached'] as const,
        process.env.LIGHTHOUSE_PAGES,
      )) {
        if (page === 'overview-cached' && preset !== 'mobile') continue;
        const lhrs: Lhr[] = [];
        for (let i = 0; i < runs; i++) {
          const flags = { output: 'json', logLevel: 'error', onlyCategories: ['performance'] };
          const config =
            preset === 'desktop'
              ? desktopConfig
              : preset === 'mobile-devtools'
                ? devtoolsConfig
                : mobileConfig;
          const measure = async () => {
            if (page === 'sign-in') {
              // Signed out: a context without the session cookie, which the signed-in tab's context
              // sends with every page request (a signed-in person's /sign-in keeps its code).
              const signedOut = await browser!.createBrowserContext();
              try {
                return await lighthouse(`${server.url}/sign-in`, flags, config, await signedOut.newPage());
              } finally {
                await signedOut.close();
              }
            }
            if (page === 'overview') await cdp.send('Network.clearBrowserCache');
            return lighthouse(`${server.url}/`, { ...flags, disableStorageReset: true }, config, signedIn);
          };
          let result = await measure();
          // A trace Chromium failed to record is run again, twice at most ("Please run Lighthouse
          // again"); any other error stops the part.
          for (
            let retry = 0;
            retry < 2 && RECORDING_FAILURES.has(result?.lhr.runtimeError?.code ?? '');
            retry++
          ) {
            console.log(`  (${page}, ${preset}: ${result!.lhr.runtimeError!.code}, run again)`);
            result = await measure();
          }
          if (!result) throw new Error(`Lighthouse returned no result (${page}, ${preset})`);
          if (result.lhr.runtimeError)
            throw new Error(
              `Lighthouse (${page}, ${preset}): ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`,
            );
          lhrs.push(result.lhr);
          // LIGHTHOUSE_SAVE=<folder>: each run's whole report, to read where the time goes, and the
          // Chromium trace of its load (`<name>.trace.json`, for bench/trace-tasks.ts).
          const save = process.env.LIGHTHOUSE_SAVE;
          if (save) {
            mkdirSync(save, { recursive: true });
            const name = `${preset}-${page}-${i + 1}`;
            writeFileSync(join(save, `${name}.json`), JSON.stringify(result.lhr));
            const trace = result.artifacts?.Trace?.traceEvents;
            if (trace) writeFileSync(join(save, `${name}.trace.json`), JSON.stringify(trace));
          }
        }
        const values = (id: string) => lhrs.map((l) => l.audits[id]?.numericValue ?? Number.NaN);
        const audit = (id: string) => median(values(id));
        const scores = lhrs.map((l) => Math.round((l.categories.performance?.score ?? 0) * 100));
        out.push({
          page,
          preset,
          runs,
          score: median(scores),
          fcpMs: audit('first-contentful-paint'),
          lcpMs: audit('largest-contentful-paint'),
          tbtMs: audit('total-blocking-time'),
          spread: {
            score: range(scores),
            lcpMs: range(values('largest-contentful-paint')),
            tbtMs: range(values('total-blocking-time')),
          },
          bytes: audit('total-byte-weight'),
          benchmarkIndex: median(lhrs.map((l) => l.environment.benchmarkIndex)),
          readyMs: median(
            lhrs.map(
              (l) =>
                l.audits['user-timings']?.details?.items?.find((i) => i.name === READY_MARK)?.startTime ??
                Number.NaN,
            ),
          ),
        });
      }
    }
  } finally {
    await browser?.disconnect().catch(() => undefined);
    await chrome?.kill();
    server.stop();
  }
  return out;
}

const PAGE_NAMES: Record<LighthouseFigures['page'], string> = {
  'sign-in': '/sign-in',
  overview: 'Overview (signed in)',
  'overview-cached': 'Overview, its files cached (as right after signing in)',
};

/**
 * The benchmark's rows: each page and preset, with the budget on mobile (score ≥ 95, LCP ≤ 2 s), and
 * the mobile preset once more with DevTools throttling, without a budget: what a phone on that network
 * sees, where the default's estimate and the load differ; and the Overview on mobile with its files in
 * the cache, without a budget either (the estimate then charges its first paint for no download).
 */
export async function lighthouseRows(
  dist: string,
  row: (name: string, value: string, budget?: string, ok?: boolean) => void,
): Promise<void> {
  console.log(
    'Lighthouse (performance; mobile, desktop and mobile with DevTools throttling; median of 3) on /sign-in and the Overview…',
  );
  for (const f of await measureLighthouse(dist)) {
    const preset = f.preset === 'mobile-devtools' ? 'mobile, DevTools throttling' : f.preset;
    const name = `Lighthouse ${preset}, ${PAGE_NAMES[f.page]}`;
    // The budget is held on the cold load; the Overview with its files cached is a figure beside it.
    const mobile = f.preset === 'mobile' && f.page !== 'overview-cached';
    const { score, lcpMs, tbtMs } = f.spread;
    const s = (ms: number) => (ms / 1000).toFixed(2);
    // Each median with the lowest and highest of its runs in brackets.
    row(
      `${name}: score`,
      `${f.score} (${score[0]}–${score[1]})`,
      mobile ? '≥ 95' : undefined,
      mobile ? f.score >= 95 : undefined,
    );
    row(
      `${name}: FCP / LCP`,
      `${s(f.fcpMs)} / ${s(f.lcpMs)} s (${s(lcpMs[0])}–${s(lcpMs[1])})`,
      mobile ? 'LCP ≤ 2.0 s' : undefined,
      mobile ? f.lcpMs <= 2000 : undefined,
    );
    row(
      `${name}: TBT · bytes`,
      `${Math.round(f.tbtMs)} ms (${Math.round(tbtMs[0])}–${Math.round(tbtMs[1])}) · ${(f.bytes / 1024).toFixed(0)} KiB`,
    );
    // The load's own clock: only with DevTools throttling is that the phone's.
    // Console mode's sign-in page carries no code: it works as the HTML it is.
    if (f.preset === 'mobile-devtools')
      row(
        `${name}: React's first commit`,
        Number.isNaN(f.readyMs) ? 'none (no code: works as HTML)' : `${(f.readyMs / 1000).toFixed(2)} s`,
      );
    row(`${name}: benchmarkIndex`, f.benchmarkIndex.toFixed(0));
  }
}
