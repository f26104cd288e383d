import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { POLL_SLOW_MS } from '../lib/polling';
import { READ_AHEAD, watchPace } from './live-watch';
import { queryKeys } from './query-keys';

describe('watchPace', () => {
  const client = new QueryClient();
  const find = (key: readonly unknown[]) => client.getQueryCache().find({ queryKey: key, exact: true })!;

  it('watches a query read ahead of the page that shows it at that page’s pace, one read for another query at the kept pace', async () => {
    // The Overview's targets as the server reads them before it renders the page: no observer yet.
    const ahead = ['page-ahead', 'veeam'];
    await client.prefetchQuery({
      queryKey: ahead,
      queryFn: () => 1,
      refetchInterval: POLL_SLOW_MS,
      meta: { [READ_AHEAD]: true },
    } as Parameters<QueryClient['prefetchQuery']>[0]);
    expect(watchPace(find(ahead))).toBe('idle');
    // A directory an adapter reads for another query (no observer, nothing said of a page).
    const directory = ['directory', 'veeam'];
    await client.prefetchQuery({ queryKey: directory, queryFn: () => 1 });
    expect(watchPace(find(directory))).toBe('keep');
    // A run feed is a feed whoever reads it; a shown query at its observer's pace.
    await client.prefetchQuery({ queryKey: [...queryKeys.runs.all(), 'veeam'], queryFn: () => 1 });
    expect(watchPace(find([...queryKeys.runs.all(), 'veeam']))).toBe('feed');
    const shown = new QueryObserver(client, {
      queryKey: directory,
      queryFn: () => 1,
      refetchInterval: 5_000,
    });
    const stop = shown.subscribe(() => undefined);
    expect(watchPace(find(directory))).toBe('open');
    stop();
  });
});
