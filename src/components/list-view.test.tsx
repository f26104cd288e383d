// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { afterEach, expect, test, vi } from 'vitest';
import { createListIndex } from '../lib/list-index';
import type { ListViewSpec } from './list-view';
import { useListView } from './list-view';
import { SEARCH_URL_DELAY_MS } from './use-search-text';

interface Thing {
  connectionId: string;
  id: string;
  name: string;
}

const SPEC: ListViewSpec<Thing, 'name'> = {
  one: 'thing',
  many: 'things',
  search: { label: 'Search things', placeholder: 'Name' },
  index: createListIndex<Thing, 'name'>({
    text: (t) => t.name,
    sortValue: (t) => t.name,
    tieBreak: (t) => t.id,
  }),
  sortKeys: ['name'],
  defaultSort: { key: 'name', dir: 'asc' },
  filters: [],
};
const ROWS: Thing[] = [{ connectionId: 'a', id: '1', name: 'Anvil' }];
const CONNECTIONS = [{ id: 'a', label: 'Alpha' }];

function ThingsPage() {
  const view = useListView(SPEC, ROWS, CONNECTIONS);
  return (
    <>
      <input
        aria-label="Search things"
        value={view.search}
        onChange={(e) => view.setSearch(e.target.value)}
      />
      <Link to="/things/1">Anvil</Link>
    </>
  );
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

test('a link followed while the search text waits for the URL is not undone by the URL catching up', async () => {
  vi.useFakeTimers();
  // The detail page's code arrives after the search text's delay, as a lazy route's chunk may.
  let arrive: () => void = () => undefined;
  const chunk = new Promise<void>((resolve) => (arrive = resolve));
  const router = createMemoryRouter(
    [
      { path: '/things', Component: ThingsPage },
      {
        path: '/things/:id',
        lazy: async () => {
          await chunk;
          return { Component: () => <h1>Thing</h1> };
        },
      },
    ],
    { initialEntries: ['/things'] },
  );
  render(<RouterProvider router={router} />);
  fireEvent.change(screen.getByLabelText('Search things'), { target: { value: 'anv' } });
  fireEvent.click(screen.getByRole('link', { name: 'Anvil' }));
  await act(async () => {
    await vi.advanceTimersByTimeAsync(SEARCH_URL_DELAY_MS + 50);
  });
  await act(async () => {
    arrive();
    await vi.advanceTimersByTimeAsync(10);
  });
  expect(router.state.location.pathname).toBe('/things/1');
  expect(screen.getByRole('heading', { name: 'Thing' })).toBeTruthy();
});

test('the search text reaches the URL once typing pauses', async () => {
  vi.useFakeTimers();
  const router = createMemoryRouter([{ path: '/things', Component: ThingsPage }], {
    initialEntries: ['/things'],
  });
  render(<RouterProvider router={router} />);
  fireEvent.change(screen.getByLabelText('Search things'), { target: { value: 'anv' } });
  expect(router.state.location.search).toBe('');
  await act(async () => {
    await vi.advanceTimersByTimeAsync(SEARCH_URL_DELAY_MS + 50);
  });
  expect(router.state.location.search).toBe('?q=anv');
});
