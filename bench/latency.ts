import type { Page, Request } from '@playwright/test';
import { RACKSPACE_IDENTITY, RACKSPACE_V1, RACKSPACE_V2, VEEAM_V5 } from '../src/api/contract/apis';
import { percentile } from './browser';

export interface LatencyFigures {
  changes: number;
  medianMs: number;
  p95Ms: number;
  /** Requests the console sent per second per connection while measuring (the busiest connection). */
  requestsPerSecond: Record<string, number>;
  windowSeconds: number;
}

interface VeeamJob {
  id: string;
  name: string;
  isEnabled: boolean;
  lastStatus: string;
}

/**
 * Which connection of the demo config a console request belongs to, from its path, read with the
 * contract's own path patterns (a Rackspace path without a region is DFW's).
 */
export function connectionOf(url: string): string | null {
  const path = new URL(url).pathname;
  if (VEEAM_V5.family.test(path)) return 'veeam';
  if (RACKSPACE_IDENTITY.family.test(path)) return 'identity';
  for (const api of [RACKSPACE_V1, RACKSPACE_V2]) {
    const m = api.root.exec(path);
    if (m) return `rackspace-${(m[1] ?? 'dfw').toLowerCase()}`;
  }
  return null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Asks `check` every `everyMs` until it gives a value, for at most 20 s; then fails with `failure()`. */
async function until<T>(check: () => Promise<T | null>, everyMs: number, failure: () => string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(failure());
    await sleep(everyMs);
  }
}
/**
 * A pause of random length before each change: a change made right after the screen updated would
 * always land at the same point of the console's poll cycle and hide the worst case.
 */
const randomPause = () => sleep(300 + Math.random() * 1_500);

/**
 * How long a state change on the service takes to reach the screen. The bench starts and stops Veeam
 * jobs through the API itself (as a schedule or another operator would), watches the service until the
 * job's state has changed, and takes the time the console's row showed the new state (a
 * MutationObserver in the page records every `data-status` change with its wall-clock time).
 */
export async function measureLatency(
  page: Page,
  baseUrl: string,
  minChanges = 20,
  options: {
    /** Where the console is, when not at the service's own origin (a console server in front of it). */
    consoleUrl?: string;
    /** Keep one job running in the background ("while something else runs"); else the connection is idle between changes. */
    keeper?: boolean;
  } = {},
): Promise<LatencyFigures> {
  const tokenRes = await fetch(`${baseUrl}/v5/Token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=password&username=admin&password=demo',
  });
  const { access_token } = (await tokenRes.json()) as { access_token: string };
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${baseUrl}/v5${path}`, {
      ...init,
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
    });
  const getJob = async (id: string) => (await (await api(`/Jobs/${id}`)).json()) as VeeamJob;

  const jobs = ((await (await api('/Jobs')).json()) as VeeamJob[])
    .filter((j) => j.isEnabled && j.lastStatus !== 'Running' && j.lastStatus !== 'Queued')
    .slice(0, 6);
  // The target holds "while anything runs": one job keeps running in the background (at SPEED 1 a
  // session lasts 10–30 minutes) so that the console polls at its fast pace, as it would in real use.
  const keeper = options.keeper === false ? undefined : jobs.shift();
  if ((!keeper && options.keeper !== false) || jobs.length === 0)
    throw new Error('not enough idle enabled Veeam jobs to measure with');
  if (keeper)
    await api(`/Jobs/${keeper.id}/action`, { method: 'POST', body: JSON.stringify({ start: null }) });

  await page.goto(`${options.consoleUrl ?? baseUrl}/jobs`);
  await page.waitForSelector('tr[data-status]');
  await page.evaluate(() => {
    const w = window as unknown as { __changes: { text: string; status: string; at: number }[] };
    w.__changes = [];
    // A row whose state changes shows it by its data-status: changed in place, or a row (re)made
    // with it (a row that comes into view, or a list that was made afresh).
    const seen = (el: Element) => {
      const row = el.closest('tr');
      if (row)
        w.__changes.push({
          text: row.textContent ?? '',
          status: el.getAttribute('data-status') ?? '',
          at: Date.now(),
        });
    };
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes') seen(r.target as Element);
        else
          for (const n of r.addedNodes)
            if (n instanceof Element)
              for (const el of [n, ...n.querySelectorAll('[data-status]')])
                if (el.hasAttribute('data-status')) seen(el);
      }
    }).observe(document.body, {
      subtree: true,
      attributes: true,
      attributeFilter: ['data-status'],
      childList: true,
    });
  });

  const counts = new Map<string, number>();
  const onRequest = (req: Request) => {
    const c = connectionOf(req.url());
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  };
  page.on('request', onRequest);
  const windowStart = Date.now();
  const latencies: number[] = [];

  const waitService = async (id: string, test: (s: string) => boolean) => {
    let status = '';
    return until(
      async () => {
        status = (await getJob(id)).lastStatus;
        return test(status) ? Date.now() : null;
      },
      20,
      () => `job ${id} never reached the expected state (is ${status})`,
    );
  };
  const waitScreen = (name: string, since: number, statuses: string[]) =>
    until(
      () =>
        page.evaluate(
          ([n, s, st]) =>
            (
              window as unknown as { __changes: { text: string; status: string; at: number }[] }
            ).__changes.find((c) => c.at >= s && c.text.includes(n) && st.includes(c.status))?.at ?? null,
          [name, since, statuses] as const,
        ),
      50,
      () => `the console never showed ${name} as ${statuses.join('/')}`,
    );
  /**
   * Waits until the screen shows the job out of flight, as the service has it. A job stopped just
   * before (the keeper of a previous measurement) may still show as running for up to one poll; a
   * start made meanwhile would change nothing on the screen, and its change would never be seen.
   */
  const waitScreenIdle = (name: string) => {
    let shown: string[] = [];
    return until(
      async () => {
        shown = await page.evaluate(
          (n) =>
            [...document.querySelectorAll('tr[data-status]')]
              .filter((r) => (r.textContent ?? '').includes(n))
              .map((r) => r.getAttribute('data-status') ?? ''),
          name,
        );
        return shown.length > 0 && shown.every((s) => s !== 'queued' && s !== 'running') ? true : null;
      },
      50,
      () => `the console kept showing ${name} as ${shown.join('/') || 'absent'}`,
    );
  };

  const inFlight = (s: string) => s === 'Queued' || s === 'Running';
  /**
   * Stops `id` on the service if it is in flight there (a run its schedule started, or one queued behind
   * another), and waits for the stop: a start measured on a job already in flight changes nothing.
   */
  const settleService = async (id: string) => {
    if (!inFlight((await getJob(id)).lastStatus)) return;
    await api(`/Jobs/${id}/action`, { method: 'POST', body: JSON.stringify({ stop: null }) });
    await waitService(id, (s) => !inFlight(s));
  };

  for (let i = 0; latencies.length < minChanges; i++) {
    const job = jobs[i % jobs.length]!;
    await settleService(job.id);
    await waitScreenIdle(job.name);
    const before = Date.now();
    await api(`/Jobs/${job.id}/action`, { method: 'POST', body: JSON.stringify({ start: null }) });
    const started = await waitService(job.id, (s) => s === 'Queued' || s === 'Running');
    const shownStart = await waitScreen(job.name, before, ['queued', 'running']);
    latencies.push(Math.max(0, shownStart - started));
    await randomPause();
    const beforeStop = Date.now();
    await api(`/Jobs/${job.id}/action`, { method: 'POST', body: JSON.stringify({ stop: null }) });
    const stopped = await waitService(job.id, (s) => s === 'Stopped');
    const shownStop = await waitScreen(job.name, beforeStop, ['stopped']);
    latencies.push(Math.max(0, shownStop - stopped));
    await randomPause();
  }
  page.off('request', onRequest);
  // Stopped, and seen stopped by the service, before whatever is measured next.
  if (keeper) await settleService(keeper.id);
  const windowSeconds = (Date.now() - windowStart) / 1000;
  return {
    changes: latencies.length,
    medianMs: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    requestsPerSecond: Object.fromEntries(
      [...counts].map(([c, n]) => [c, Number((n / windowSeconds).toFixed(2))]),
    ),
    windowSeconds,
  };
}
