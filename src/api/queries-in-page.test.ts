import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { adoptQueriesInPage, PAGE_QUERIES_ID } from './queries-in-page';

/** A page whose only element is the answers' script element with `text` (none when undefined). */
const pageWith = (text: string | undefined) => ({
  getElementById: (id: string) =>
    id === PAGE_QUERIES_ID && text !== undefined ? { textContent: text } : null,
});

describe('adoptQueriesInPage', () => {
  it('puts the answers the page carries into the client, as they were when the server rendered them', () => {
    const client = new QueryClient();
    const state = {
      mutations: [],
      queries: [
        {
          queryKey: ['runs', 'veeam', 'job-sessions'],
          queryHash: '["runs","veeam","job-sessions"]',
          state: {
            data: [{ id: 'r1', name: '</script>' }],
            dataUpdateCount: 1,
            dataUpdatedAt: 1_000,
            error: null,
            errorUpdateCount: 0,
            errorUpdatedAt: 0,
            fetchFailureCount: 0,
            fetchFailureReason: null,
            fetchMeta: null,
            isInvalidated: false,
            status: 'success',
            fetchStatus: 'idle',
          },
        },
      ],
    };
    // A page that does not say what its queries read: nothing to ask the server about.
    expect(adoptQueriesInPage(pageWith(JSON.stringify(state)) as unknown as Document, client)).toEqual({
      reads: null,
    });
    expect(client.getQueryData(['runs', 'veeam', 'job-sessions'])).toEqual([{ id: 'r1', name: '</script>' }]);
    expect(client.getQueryState(['runs', 'veeam', 'job-sessions'])?.dataUpdatedAt).toBe(1_000);
  });

  it('takes nothing from a page without answers, or with text that is not a query cache', () => {
    for (const text of [undefined, '', 'not json', '{"queries":"no"}', 'null', '[]']) {
      const client = new QueryClient();
      expect(adoptQueriesInPage(pageWith(text) as unknown as Document, client), String(text)).toBeNull();
      expect(client.getQueryCache().getAll()).toEqual([]);
    }
  });

  it('gives what the page says its queries read, and when, or nothing of it when that is not well formed', () => {
    const reads = { '["runs","veeam"]': [['veeam', '/jobsessions?limit=200']] };
    const page = (extra: object) =>
      pageWith(JSON.stringify({ queries: [], mutations: [], ...extra })) as unknown as Document;
    expect(adoptQueriesInPage(page({ readFrom: 1_700_000_000_000, reads }), new QueryClient())).toEqual({
      reads: { readFrom: 1_700_000_000_000, reads },
    });
    for (const extra of [
      { reads },
      { readFrom: 'then', reads },
      { readFrom: -1, reads },
      { readFrom: 1, reads: [] },
      { readFrom: 1, reads: { q: 'veeam /jobs' } },
      { readFrom: 1, reads: { q: [['veeam']] } },
      { readFrom: 1, reads: { q: [['veeam', 2]] } },
    ])
      expect(adoptQueriesInPage(page(extra), new QueryClient()), JSON.stringify(extra)).toEqual({
        reads: null,
      });
  });
});
