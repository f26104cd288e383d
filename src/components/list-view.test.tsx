// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { afterEach, expect, test, vi } from 'vitest';
import { useListView } from './list-view';
import { thing, thingsSpec } from './testing/things';
import { SEARCH_URL_DELAY_MS } from './use-search-text';

const SPEC = thingsSpec();
const ROWS = [thing('a', '1', 'Anvil')];
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

/** The list, and a thing's page whose code arrives when the test says so. */
function routerWithLazyThing() {
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
  return { router, arrive };
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

test('a link followed while the search text waits for the URL is not undone by the URL catching up', async () => {
  vi.useFakeTimers();
  // The detail page's code arrives after the search text's delay, as a lazy route's chunk may.
  const { router, arrive } = routerWithLazyThing();
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

test('a link under way is not cancelled by the URL catching up before the list has re-rendered', async () => {
  // Only setTimeout is faked: React renders on the real event loop, so the router can be ahead of
  // what the list last rendered, as it is while a transition renders on a busy machine.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const { router, arrive } = routerWithLazyThing();
  render(<RouterProvider router={router} />);
  fireEvent.change(screen.getByLabelText('Search things'), { target: { value: 'anv' } });
  const going = router.navigate('/things/1');
  await Promise.resolve();
  expect(router.state.navigation.state).toBe('loading');
  vi.advanceTimersByTime(SEARCH_URL_DELAY_MS + 50);
  vi.useRealTimers();
  arrive();
  await act(() => going);
  expect(router.state.location.pathname).toBe('/things/1');
  expect(await screen.findByRole('heading', { name: 'Thing' })).toBeTruthy();
});
