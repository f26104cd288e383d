import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { percentile } from './browser';
import { withBusyCore } from './busy';

export interface ListFigures {
  rows: number;
  renderMs: number;
  filterMedianMs: number;
  filterP95Ms: number;
  filterSamples: number;
  /** The same keystrokes again while another process keeps one core busy (none with BENCH_PROFILE). */
  busy: { medianMs: number; p95Ms: number; samples: number } | null;
}

/** Keystrokes measured: a character typed and deleted in turn. */
const KEYSTROKES = 40;

/** Reads "<label>, N rows" from the virtual table's region. */
export const ROWS_IN = (label: string) => `(() => {
  const el = document.querySelector('[role="region"][aria-label^="${label}, "]');
  const m = el && /, (\\d+) rows$/.exec(el.getAttribute('aria-label') || '');
  return m ? Number(m[1]) : -1;
})()`;

/**
 * Time to render a big list: from the click on its navigation link to the first paint that shows the
 * table with all its rows counted (data fetched over HTTP, parsed, mapped and rendered). Then the cost
 * of a filter keystroke: from the input event to the paint that shows the new row count (the commit
 * seen by a MutationObserver, then the next frame), typing a character and deleting it in turn.
 */
export async function measureList(
  page: Page,
  opts: {
    baseUrl: string;
    path: string;
    navName: string;
    tableLabel: string;
    searchLabel: string;
    minRows: number;
    probe: string;
  },
): Promise<ListFigures> {
  await page.goto(`${opts.baseUrl}/`);
  await page.waitForLoadState('networkidle');
  const start = Date.now();
  await page.getByRole('link', { name: opts.navName, exact: true }).first().click();
  await page.waitForFunction(`${ROWS_IN(opts.tableLabel)} >= ${opts.minRows}`, undefined, {
    timeout: 60_000,
    polling: 'raf',
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const renderMs = Date.now() - start;
  const rows = await page.evaluate<number>(ROWS_IN(opts.tableLabel));

  const samples = await measureKeystrokes(page, opts.searchLabel, opts.tableLabel, opts.probe);
  // A profile or trace is of the idle keystrokes alone.
  const busy = process.env.BENCH_PROFILE
    ? null
    : await withBusyCore(() => typeKeystrokes(page, opts.tableLabel, opts.probe, KEYSTROKES));
  return {
    rows,
    renderMs,
    filterMedianMs: percentile(samples, 50),
    filterP95Ms: percentile(samples, 95),
    filterSamples: samples.length,
    busy: busy && { medianMs: percentile(busy, 50), p95Ms: percentile(busy, 95), samples: busy.length },
  };
}

/**
 * Arms a timer in the page, before the input it times: from the next `event`'s own time stamp (so that a
 * busy main thread that delays the input counts) to the paint of the frame after the commit that changes
 * the row count of `rowsExpr` (`changed`) or first shows rows (`shown`): the commit seen as it happens by
 * a MutationObserver, then the next frame (a rAF runs just before it, a task queued from there runs just
 * after it). Resolves with the milliseconds once the input has been sent.
 */
export async function armRowsPaint(
  page: Page,
  o: {
    event: 'keydown' | 'pointerdown';
    rowsExpr: string;
    until: 'changed' | 'shown';
    timeoutMs: number;
    failure: string;
    /** Names the end and length in a trace (`console.timeStamp`). */
    mark?: string;
  },
): Promise<() => Promise<number>> {
  await page.evaluate((o) => {
    const w = window as unknown as { __rowsPaint?: Promise<number>; __rowsPhases?: Phases[] };
    // The phases name the API answers received meanwhile: keep every one (the browser keeps 250).
    performance.setResourceTimingBufferSize(100_000);
    w.__rowsPaint = new Promise<number>((resolve, reject) => {
      const rows = () => (0, eval)(o.rowsExpr) as number;
      const before = rows();
      let t0 = Number.NaN;
      let handled = Number.NaN;
      document.addEventListener(
        o.event,
        (e) => {
          t0 = e.timeStamp;
          handled = performance.now();
        },
        { capture: true, once: true },
      );
      const observer = new MutationObserver(() => {
        const now = rows();
        if (Number.isNaN(t0) || (o.until === 'changed' ? now === before : now <= 0)) return;
        observer.disconnect();
        const committed = performance.now();
        requestAnimationFrame(() => {
          const frame = performance.now();
          setTimeout(() => {
            const end = performance.now();
            const ms = end - t0;
            if (o.mark) console.timeStamp(`${o.mark} ${ms}`);
            (w.__rowsPhases ??= []).push({
              wait: handled - t0,
              render: committed - handled,
              toFrame: frame - committed,
              frame: end - frame,
              answers: performance
                .getEntriesByType('resource')
                .filter((r) => (r as PerformanceResourceTiming).responseEnd >= t0 - 50)
                .map(
                  (r) =>
                    `${new URL(r.name).pathname}@${((r as PerformanceResourceTiming).responseEnd - t0).toFixed(0)}`,
                ),
            });
            resolve(ms);
          }, 0);
        });
      });
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['aria-label'],
      });
      setTimeout(() => {
        observer.disconnect();
        reject(new Error(o.failure));
      }, o.timeoutMs);
    });
  }, o);
  return () => page.evaluate(() => (window as unknown as { __rowsPaint: Promise<number> }).__rowsPaint);
}

/**
 * A filter keystroke: from the key event (its time stamp, taken when the browser received the key, so
 * a busy main thread counts) to the paint that shows the new row count of the table `tableLabel` (the
 * commit seen by a MutationObserver, then the next frame), `probe` typed and deleted in turn with real
 * key presses. Returns one figure (ms) per keystroke. `BENCH_PROFILE=1` prints where the time went.
 */
export async function measureKeystrokes(
  page: Page,
  searchLabel: string,
  tableLabel: string,
  probe: string,
): Promise<number[]> {
  const input = page.getByLabel(searchLabel);
  await input.focus();
  // BENCH_PROFILE=phases prints each keystroke's phases alone, without the profiler's own cost;
  // BENCH_PROFILE=threads the CPU each keystroke cost on every thread (a trace, no profiler).
  const mode = process.env.BENCH_PROFILE;
  const profiler =
    mode === 'threads'
      ? await startThreadTrace(page)
      : mode && mode !== 'phases'
        ? await startProfile(page)
        : null;
  const samples = await typeKeystrokes(page, tableLabel, probe, KEYSTROKES);
  if (process.env.BENCH_PROFILE) {
    console.log(`${tableLabel}: keystrokes (ms) ${samples.map((s) => s.toFixed(0)).join(' ')}`);
    const phases = await page.evaluate(
      () => (window as unknown as { __rowsPhases?: Phases[] }).__rowsPhases?.splice(0) ?? [],
    );
    console.log(`${tableLabel}: keystrokes as wait + render + to frame + frame (ms), answers received`);
    for (const p of phases)
      console.log(
        `  ${[p.wait, p.render, p.toFrame, p.frame].map((v) => v.toFixed(1).padStart(5)).join(' ')}  ${p.answers.join(' ')}`,
      );
  }
  await profiler?.stop(tableLabel);
  return samples;
}

/**
 * `count` filter keystrokes into the focused search box, `probe` typed and deleted in turn with real key
 * presses: each one's time from its key event to the paint of the new row count of `tableLabel`.
 */
export async function typeKeystrokes(
  page: Page,
  tableLabel: string,
  probe: string,
  count: number,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const painted = await armRowsPaint(page, {
      event: 'keydown',
      rowsExpr: ROWS_IN(tableLabel),
      until: 'changed',
      timeoutMs: 5000,
      failure: `a keystroke in the search box changed nothing in "${tableLabel}" within 5 s`,
      // Marks the keystroke's end and length in a trace (BENCH_PROFILE).
      mark: 'keystroke',
    });
    await page.keyboard.press(i % 2 === 0 ? probe : 'Backspace');
    samples.push(await painted());
    // Let the list settle (and the machine breathe) between keystrokes, as a person types.
    await page.waitForTimeout(100);
  }
  return samples;
}

/**
 * Where one timed input's milliseconds went: waiting for the main thread (`wait`, key event to its first
 * listener), the handlers and the render up to the commit (`render`), the commit to the next frame's
 * animation callbacks (`toFrame`: the frame's wait and anything else run before it), and that frame's
 * style, layout and paint (`frame`).
 */
interface Phases {
  wait: number;
  render: number;
  toFrame: number;
  frame: number;
  /** The API answers received from 50 ms before the key to the end, with their time from the key. */
  answers: string[];
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { message?: string }; name?: string };
}

/** What a keystroke's frame may still cost other threads after its end mark (raster, compositing). */
const AFTER_END_US = 30_000;

/**
 * A trace of every thread of the browser while the keystrokes run, without the JS profiler (whose own
 * cost would blur the figures): `stop` prints, per keystroke (the median of the 40), the CPU time each
 * kind of thread spent from the key event to 30 ms after the keystroke's end mark (its raster and
 * compositing finish after the main thread's frame). The main thread's time is what the keystroke's
 * figure waits for; the others compete with it for the machine's cores, which a busy machine feels.
 */
async function startThreadTrace(page: Page) {
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
  return {
    async stop(label: string) {
      const raw = (await browser.stopTracing()).toString();
      if (process.env.BENCH_TRACE_DIR) writeFileSync(`${process.env.BENCH_TRACE_DIR}/${label}.json`, raw);
      const events = (JSON.parse(raw) as { traceEvents: TraceEvent[] }).traceEvents;
      const threadName = new Map<string, string>();
      for (const e of events)
        if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
      const keystrokes = keystrokeWindows(events);
      const windows = keystrokes.map(([a, b]) => [a, b + AFTER_END_US] as const);
      // Busy time per thread and keystroke: the union of the thread's top-level events in the window
      // (tasks nest: a worker's ThreadPool_RunTask holds its TaskGraphRunner::RunTask).
      const spans = new Map<string, [number, number][]>();
      for (const e of events) {
        if (e.ph !== 'X' || !e.dur) continue;
        const key = `${e.pid}:${e.tid}`;
        let list = spans.get(key);
        if (!list) spans.set(key, (list = []));
        list.push([e.ts, e.ts + e.dur]);
      }
      const kinds = new Map<string, number[]>();
      for (const [key, list] of spans) {
        const kind = threadKind(threadName.get(key) ?? '');
        list.sort((x, y) => x[0] - y[0]);
        windows.forEach(([a, b], w) => {
          const perWindow = kinds.get(kind) ?? Array<number>(windows.length).fill(0);
          perWindow[w]! += busyIn(list, a, b) / 1000;
          kinds.set(kind, perWindow);
        });
      }
      const totals = windows.map((_, w) => [...kinds.values()].reduce((sum, v) => sum + v[w]!, 0));
      // The page's main thread up to the end mark alone: what the keystroke's figure itself holds.
      // (The page's renderer is the one whose main thread was busiest in the keystrokes.)
      const mainKey = [...spans.keys()]
        .filter((key) => threadKind(threadName.get(key) ?? '') === MAIN)
        .map((key) => ({
          key,
          busy: windows.reduce((sum, [a, b]) => sum + busyIn(spans.get(key)!, a, b), 0),
        }))
        .sort((x, y) => y.busy - x.busy)[0]?.key;
      const within = keystrokes.map(([a, b]) => busyIn(spans.get(mainKey ?? '') ?? [], a, b) / 1000);
      const median = (v: number[]) => percentile(v, 50).toFixed(1);
      console.log(
        `${label}: CPU per keystroke by thread (median of ${windows.length}, ms, key event to 30 ms after its frame): ` +
          [...kinds]
            .sort((x, y) => percentile(y[1], 50) - percentile(x[1], 50))
            .map(([kind, v]) => `${kind} ${median(v)}`)
            .join(', ') +
          `; all threads ${median(totals)}, p95 ${percentile(totals, 95).toFixed(1)}` +
          `; the main thread up to the end mark ${median(within)}, p95 ${percentile(within, 95).toFixed(1)}`,
      );
    },
  };
}

/** The busy time (µs) in [a, b] of a thread's events, sorted by start: their union, nested ones once. */
function busyIn(spans: readonly (readonly [number, number])[], a: number, b: number): number {
  let busy = 0;
  let until = a;
  for (const [start, end] of spans) {
    if (end <= until || start >= b) continue;
    const from = Math.max(start, until);
    const to = Math.min(end, b);
    if (to > from) busy += to - from;
    until = Math.max(until, to);
  }
  return busy;
}

const MAIN = 'page main thread';

/** Chromium's thread names grouped by what they do for a frame. */
function threadKind(name: string): string {
  if (name === 'CrRendererMain') return MAIN;
  if (name === 'Compositor') return 'page compositor';
  if (name.startsWith('ThreadPoolForegroundWorker') || name.startsWith('CompositorTileWorker'))
    return 'workers (raster)';
  if (name === 'VizCompositorThread' || name === 'CrGpuMain') return 'display (viz)';
  if (name === 'CrBrowserMain' || name === 'Chrome_IOThread') return 'browser';
  return 'other';
}

/** Each keystroke's span in a trace (µs): from its key event to its end mark (armRowsPaint's `mark`). */
function keystrokeWindows(events: TraceEvent[]): (readonly [number, number])[] {
  return events.flatMap((e) => {
    const m = /^keystroke (.+)$/.exec(e.args?.data?.message ?? '');
    return e.name === 'TimeStamp' && m ? [[e.ts - Number(m[1]) * 1000, e.ts] as const] : [];
  });
}

/**
 * A CPU profile and a trace of the renderer while the keystrokes run; `stop` prints the self time per
 * function and the main thread's events inside the keystrokes (from each key event to its paint, as
 * marked in the trace), so that what runs between keystrokes is left out unless a keystroke waited for it.
 */
async function startProfile(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8'] });
  await cdp.send('Profiler.start');
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  return {
    async stop(label: string) {
      const profile = (await cdp.send('Profiler.stop')).profile as CpuProfile;
      const raw = (await browser.stopTracing()).toString();
      // BENCH_TRACE_DIR=<folder> keeps the trace and the profile (Chromium's DevTools open both).
      if (process.env.BENCH_TRACE_DIR) {
        writeFileSync(`${process.env.BENCH_TRACE_DIR}/${label}.json`, raw);
        writeFileSync(`${process.env.BENCH_TRACE_DIR}/${label}.cpuprofile`, JSON.stringify(profile));
      }
      const trace = JSON.parse(raw) as { traceEvents: TraceEvent[] };
      await cdp.detach();
      const windows = keystrokeWindows(trace.traceEvents);
      const within = (ts: number) => windows.some(([a, b]) => ts >= a && ts <= b);
      const self = new Map<string, number>();
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      let ts = profile.startTime;
      profile.samples?.forEach((id, i) => {
        const delta = profile.timeDeltas?.[i] ?? 0;
        ts += delta;
        if (!within(ts)) return;
        const f = byId.get(id)!.callFrame;
        add(
          self,
          `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`,
          delta / 1000,
        );
      });
      console.log(`\n${label}: self time in ${windows.length} keystrokes (ms, CPU profile)`);
      for (const [name, ms] of top(self, 30)) console.log(`  ${ms.toFixed(1).padStart(8)}  ${name}`);
      const complete = trace.traceEvents.filter((e) => e.ph === 'X' && e.dur && within(e.ts));
      // The renderer's main thread: the thread that ran the most of them.
      const perThread = new Map<string, number>();
      for (const e of complete) add(perThread, `${e.pid}:${e.tid}`, e.dur!);
      const main = top(perThread, 1)[0]?.[0];
      const byName = new Map<string, number>();
      for (const e of complete) if (`${e.pid}:${e.tid}` === main) add(byName, e.name, e.dur! / 1000);
      console.log(`${label}: main thread trace events in the keystrokes (ms, inclusive)`);
      for (const [name, ms] of top(byName, 20)) console.log(`  ${ms.toFixed(1).padStart(8)}  ${name}`);
      // Per keystroke (the median of the 40): the trace's layout, paint (pre-paint, paint, layerize) and
      // script, steadier figures than the sums above for comparing two builds.
      const per = (names: RegExp) =>
        percentile(
          windows.map(
            ([a, b]) =>
              complete
                .filter((e) => `${e.pid}:${e.tid}` === main && names.test(e.name) && e.ts >= a && e.ts <= b)
                .reduce((sum, e) => sum + e.dur!, 0) / 1000,
          ),
          50,
        );
      console.log(
        `${label}: per keystroke (median, ms): layout ${per(/^Layout$/).toFixed(2)}, paint ${per(/^(PrePaint|Paint|Layerize)$/).toFixed(2)}, script ${per(/^FunctionCall$/).toFixed(2)}`,
      );
    },
  };
}
