import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * The long tasks of a page's main thread in a Chromium trace that `npm run bench` kept
 * (`LIGHTHOUSE_SAVE=<folder>` writes each Lighthouse run's trace beside its report): each top-level task
 * long enough to block on the estimate's phone, from the page's first contentful paint, with what the
 * estimate makes of it there (its CPU slowdown × duration − 50 ms of blocking time) and the events that
 * took most of it. The slowdown is read from the report saved beside the trace (`<name>.json`): the
 * mobile preset's estimate slows the CPU four times, the desktop preset's not at all, and a load under
 * DevTools throttling was slowed as it ran, so its trace is counted as it is; with no report beside it,
 * four. The estimate decides itself which tasks fall after its first paint, so the sum over all tasks
 * is an upper bound of its TBT, not the TBT.
 *
 *   npx tsx bench/trace-tasks.ts <trace.json>…
 */

interface TraceEvent {
  name: string;
  ph?: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

export interface MainThreadTask {
  /** From the first contentful paint, ms (negative: before it). */
  atMs: number;
  durationMs: number;
  /** slowdown × duration − 50 ms: the task's blocking time on the estimate's phone. */
  estimatedBlockingMs: number;
  /** The events inside it that took longest, with their ms. */
  top: [string, number][];
}

/**
 * The trace's long main-thread tasks of the page that painted (the renderer of its first paint): those
 * that block on a CPU `slowdown` times slower, that is, longer than 50 ms / slowdown.
 */
export function longTasks(events: readonly TraceEvent[], slowdown = 4): MainThreadTask[] {
  const minMs = 50 / slowdown;
  const paint = events.find((e) => e.name === 'firstContentfulPaint');
  if (!paint) throw new Error('the trace has no first contentful paint');
  const main = events.find(
    (e) => e.name === 'thread_name' && e.pid === paint.pid && e.args?.name === 'CrRendererMain',
  );
  if (!main) throw new Error('the trace names no main thread for the page');
  const onMain = events
    .filter((e) => e.pid === paint.pid && e.tid === main.tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  const out: MainThreadTask[] = [];
  let end = -Infinity;
  for (const task of onMain) {
    if (task.name !== 'RunTask' || task.ts < end) continue;
    const dur = task.dur ?? 0;
    end = task.ts + dur;
    if (dur / 1000 < minMs) continue;
    const within = new Map<string, number>();
    for (const e of onMain) {
      if (e === task || e.ts < task.ts || e.ts + (e.dur ?? 0) > end || (e.dur ?? 0) < 1000) continue;
      if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') continue;
      const where = e.args?.data?.url ? ` ${e.args.data.url.replace(/^https?:\/\/[^/]+/, '')}` : '';
      const key = `${e.name}${where}`;
      within.set(key, (within.get(key) ?? 0) + (e.dur ?? 0) / 1000);
    }
    out.push({
      atMs: (task.ts - paint.ts) / 1000,
      durationMs: dur / 1000,
      estimatedBlockingMs: Math.max(0, (slowdown * dur) / 1000 - 50),
      top: [...within].sort((a, b) => b[1] - a[1]).slice(0, 4),
    });
  }
  return out;
}

interface SavedReport {
  configSettings?: { throttlingMethod?: string; throttling?: { cpuSlowdownMultiplier?: number } };
}

/** The CPU slowdown the estimate applied to a run, from its saved report (see the comment at the top). */
export function slowdownOf(report: SavedReport | undefined): number {
  const settings = report?.configSettings;
  if (!settings) return 4;
  if (settings.throttlingMethod !== 'simulate') return 1;
  return settings.throttling?.cpuSlowdownMultiplier ?? 4;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const file of process.argv.slice(2)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as TraceEvent[] | { traceEvents: TraceEvent[] };
    const reportFile = file.replace(/\.trace\.json$/, '.json');
    const report =
      reportFile !== file && existsSync(reportFile)
        ? (JSON.parse(readFileSync(reportFile, 'utf8')) as SavedReport)
        : undefined;
    const slowdown = slowdownOf(report);
    const tasks = longTasks(Array.isArray(parsed) ? parsed : parsed.traceEvents, slowdown);
    console.log(`${file} (CPU ${slowdown}× slower on the estimate's phone)`);
    for (const t of tasks)
      console.log(
        `  ${t.atMs.toFixed(0).padStart(6)} ms  ${t.durationMs.toFixed(1).padStart(6)} ms  ` +
          `blocking ${t.estimatedBlockingMs.toFixed(0).padStart(4)}  ` +
          t.top.map(([k, v]) => `${k} ${v.toFixed(1)}`).join('; '),
      );
    const after = tasks.filter((t) => t.atMs >= 0).reduce((n, t) => n + t.estimatedBlockingMs, 0);
    const all = tasks.reduce((n, t) => n + t.estimatedBlockingMs, 0);
    console.log(
      `  blocking from the first paint ${after.toFixed(0)} ms, over all tasks ${all.toFixed(0)} ms`,
    );
  }
}
