import type { Page, Request } from '@playwright/test';
import { connectionOf } from './latency';

export interface PageRequests {
  path: string;
  seconds: number;
  /** Requests per second the console sent, per connection. */
  perConnection: Record<string, number>;
}

const TENANT = '110011';

async function post(url: string, headers: Record<string, string>, body: unknown): Promise<Response> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return res;
}

/**
 * Starts one run on every connection through the vendors' APIs (as a schedule or another operator
 * would): a v1.0 backup in DFW, a v2 backup in ORD, a Veeam job. At SPEED 1 they run for minutes.
 */
async function startRunsEverywhere(baseUrl: string): Promise<void> {
  const identity = await post(
    `${baseUrl}/v2.0/tokens`,
    {},
    {
      auth: { passwordCredentials: { username: 'admin', password: 'demo' } },
    },
  );
  const token = ((await identity.json()) as { access: { token: { id: string } } }).access.token.id;
  const rs = { 'X-Auth-Token': token };
  const v1 = (await (
    await fetch(`${baseUrl}/dfw/v1.0/${TENANT}/backup-configuration`, { headers: rs })
  ).json()) as { BackupConfigurationId: number; IsActive: boolean; BackupState: string }[];
  const idle = v1.find((c) => c.IsActive && !['InProgress', 'Queued', 'Preparing'].includes(c.BackupState));
  if (idle)
    await post(`${baseUrl}/dfw/v1.0/${TENANT}/backup/action-requested`, rs, {
      Action: 'StartManual',
      Id: idle.BackupConfigurationId,
    });
  const v2 = (await (await fetch(`${baseUrl}/ord/v2/${TENANT}/configurations`, { headers: rs })).json()) as {
    configurations: { id: string; enabled: boolean }[];
  };
  const config = v2.configurations.find((c) => c.enabled);
  if (config)
    await post(`${baseUrl}/ord/v2/${TENANT}/backups`, rs, {
      configuration_id: config.id,
      state: 'start_requested',
    });
  const veeam = await fetch(`${baseUrl}/v5/Token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=password&username=admin&password=demo',
  });
  const bearer = {
    authorization: `Bearer ${((await veeam.json()) as { access_token: string }).access_token}`,
  };
  const jobs = (await (await fetch(`${baseUrl}/v5/Jobs`, { headers: bearer })).json()) as {
    id: string;
    isEnabled: boolean;
    lastStatus: string;
  }[];
  const job = jobs.find((j) => j.isEnabled && j.lastStatus !== 'Running' && j.lastStatus !== 'Queued');
  if (job) await post(`${baseUrl}/v5/Jobs/${job.id}/action`, bearer, { start: null });
}

/**
 * How many requests each page sends per connection per second while something runs on every
 * connection: the polling policy's "one request per connection per tick for a whole list"
 * (src/lib/polling.ts, docs/architecture.md "Live status"). Each page is
 * watched for `seconds` after its first answers have arrived.
 */
export async function measurePageRequests(
  page: Page,
  baseUrl: string,
  paths: readonly string[],
  seconds = 20,
): Promise<PageRequests[]> {
  await startRunsEverywhere(baseUrl);
  const out: PageRequests[] = [];
  for (const path of paths) {
    await page.goto(`${baseUrl}${path}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1_000);
    const counts = new Map<string, number>();
    const onRequest = (req: Request) => {
      const c = connectionOf(req.url());
      if (c && c !== 'identity') counts.set(c, (counts.get(c) ?? 0) + 1);
    };
    page.on('request', onRequest);
    await page.waitForTimeout(seconds * 1000);
    page.off('request', onRequest);
    out.push({
      path,
      seconds,
      perConnection: Object.fromEntries([...counts].map(([c, n]) => [c, Number((n / seconds).toFixed(2))])),
    });
  }
  return out;
}
