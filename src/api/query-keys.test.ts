import type { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commandOptions } from './commands';
import { createQueryClient } from './query-client';
import { invalidate, queryKeys } from './query-keys';
import { resourceQueries } from './resource-queries';
import { runFeedQueries } from './run-feeds';
import { setApiRuntime } from './runtime';
import type { InProcess } from './testing/in-process-service';
import { startInProcess } from './testing/in-process-service';

const keysOf = (client: QueryClient, connectionId: string) =>
  client
    .getQueryCache()
    .getAll()
    .filter((q) => q.queryKey[1] === connectionId)
    .map((q) => q.queryKey);

describe('query keys by resource (issue 12 item 4)', () => {
  let t: InProcess;
  let client: QueryClient;
  beforeAll(async () => {
    t = await startInProcess();
    setApiRuntime(t.runtime);
    await t.signIn('admin');
    client = createQueryClient({ retry: false });
  });
  afterAll(() => {
    client.clear();
    t.close();
    setApiRuntime(null);
  });

  const paths = (from: number) => t.requests.slice(from).map((r) => new URL(r.url).pathname);

  test("an adapter's names are the resource's own entry: the list a page reads costs no second request", async () => {
    const before = t.requests.length;
    await client.fetchQuery(runFeedQueries.feed('veeam', 'job-sessions'));
    // The sessions name their jobs, the jobs their organizations: each read once, into its own entry.
    expect(paths(before).sort()).toEqual(['/v5/jobs', '/v5/jobsessions', '/v5/organizations']);
    expect(keysOf(client, 'veeam')).toEqual(
      expect.arrayContaining([
        queryKeys.targets.list('veeam'),
        queryKeys.organizations.list('veeam'),
        [...queryKeys.runs.connection('veeam'), 'job-sessions'],
      ]),
    );
    const jobsRead = t.requests.length;
    const jobs = await client.fetchQuery({ ...resourceQueries.targets('veeam'), staleTime: 10_000 });
    const organizations = await client.fetchQuery(resourceQueries.organizations('veeam'));
    expect(paths(jobsRead)).toEqual([]);
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((j) => organizations.some((o) => o.name === j.organization?.name))).toBe(true);

    const v2 = t.requests.length;
    await client.fetchQuery(runFeedQueries.feed('rackspace-ord', 'backups'));
    expect(paths(v2).sort()).toEqual([
      '/ord/v2/110011/agents',
      '/ord/v2/110011/backups',
      '/ord/v2/110011/configurations',
    ]);
    expect(keysOf(client, 'rackspace-ord')).toEqual(
      expect.arrayContaining([
        queryKeys.targets.list('rackspace-ord'),
        queryKeys.agents.list('rackspace-ord'),
      ]),
    );
  });

  test("a command's invalidation reaches every entry of what it changed, the adapters' names too, and nothing else", async () => {
    await client.fetchQuery(runFeedQueries.feed('veeam', 'job-sessions'));
    await client.fetchQuery(runFeedQueries.feed('rackspace-ord', 'backups'));
    const jobs = await client.fetchQuery(resourceQueries.targets('veeam'));
    const job = jobs.find(
      (j) => j.enabled && j.lastRun?.state !== 'running' && j.lastRun?.state !== 'queued',
    )!;
    // An entry no command may reach: an ended backup does not change.
    client.setQueryData([...queryKeys.endedBackups.connection('veeam'), 'x'], 'kept');

    const start = commandOptions.startBackup(client);
    const variables = { connectionId: 'veeam', targetId: job.id };
    await start.mutationFn!(variables, undefined as never);
    await start.onSettled!(undefined, null, variables, undefined, undefined as never);

    const invalidated = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect(invalidated(queryKeys.targets.list('veeam'))).toBe(true);
    expect(invalidated(queryKeys.organizations.list('veeam'))).toBe(true);
    expect(invalidated([...queryKeys.runs.connection('veeam'), 'job-sessions'])).toBe(true);
    expect(invalidated([...queryKeys.endedBackups.connection('veeam'), 'x'])).toBe(false);
    // Another connection's entries stay as they are.
    expect(invalidated(queryKeys.targets.list('rackspace-ord'))).toBe(false);
    expect(invalidated([...queryKeys.runs.connection('rackspace-ord'), 'backups'])).toBe(false);

    // The feed's next read asks for the jobs' names again: the command reached them.
    const before = t.requests.length;
    const runs = await client.fetchQuery(runFeedQueries.feed('veeam', 'job-sessions'));
    expect(paths(before)).toContain('/v5/jobs');
    expect(runs.some((r) => r.parentId === job.id && r.parentName === job.name)).toBe(true);
  });

  test("a v2 restore's backup source is an entry of its own: read once, taught by the lists, reached by invalidation", async () => {
    const cid = 'rackspace-ord';
    const restores = runFeedQueries.feed(cid, 'restores');
    const sourceKeys = () => keysOf(client, cid).filter((k) => k[0] === queryKeys.backupSources.all()[0]);
    const backupReads = (from: number) => paths(from).filter((p) => /\/backups\/[^/]+$/.test(p));

    // The backups feed (read above) taught the sources of the backups it lists.
    expect(sourceKeys().length).toBeGreaterThan(0);
    await client.fetchQuery(restores);
    const runs = client.getQueryData(restores.queryKey)!;
    expect(runs.some((r) => r.parentId !== null && r.parentName)).toBe(true);

    // Known sources are not asked for again.
    await client.invalidateQueries({ queryKey: restores.queryKey });
    let before = t.requests.length;
    await client.fetchQuery(restores);
    expect(paths(before)).toEqual(['/ord/v2/110011/restores']);

    // A command leaves them (they never change); invalidating their prefix reaches them.
    await commandOptions.wakeAgents(client).onSettled!(
      undefined,
      null,
      { connectionId: cid },
      undefined,
      undefined as never,
    );
    before = t.requests.length;
    await client.fetchQuery(restores);
    expect(backupReads(before)).toEqual([]);
    await invalidate(client, [queryKeys.backupSources.connection(cid), queryKeys.runs.connection(cid)]);
    before = t.requests.length;
    await client.fetchQuery(restores);
    expect(backupReads(before).length).toBeGreaterThan(0);
  });
});
