// @vitest-environment jsdom
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import type { Connection } from '../api/domain';
import { useConnectionLists } from './connection-lists';
import { ListFrame } from './list-frame';
import { NOT_ANSWERING_MS } from './query-answers';
import { ALL, enabledFilter, useListView } from './list-view';
import { renderUi } from './test-render';
import type { Thing } from './testing/things';
import { thing, thingsSpec } from './testing/things';

const SPEC = thingsSpec([enabledFilter<Thing>()]);

const A: Connection = { id: 'a', label: 'Alpha', dialect: 'test' };
const B: Connection = { id: 'b', label: 'Beta', dialect: 'test' };

/** What each connection answers next: its rows, an error, or never (still loading). */
type Answer = Thing[] | ApiError | 'never';
const answers = new Map<string, Answer>();
const boom = (message: string) => new ApiError({ kind: 'http', status: 500, message });

const thingsQuery = (connectionId: string) =>
  queryOptions({
    queryKey: ['things', connectionId] as const,
    queryFn: () => {
      const a = answers.get(connectionId) ?? [];
      if (a === 'never') return new Promise<Thing[]>(() => undefined);
      if (a instanceof ApiError) return Promise.reject(a);
      return Promise.resolve(a);
    },
  });

/** Where the URL is, and a poll (as the interval would refetch). */
function Where() {
  const client = useQueryClient();
  return (
    <>
      <output data-testid="where">{useLocation().search}</output>
      <button type="button" onClick={() => void client.refetchQueries()}>
        Poll
      </button>
    </>
  );
}

function ThingsPage({ connections }: { connections: Connection[] }) {
  const lists = useConnectionLists(connections, thingsQuery);
  const view = useListView(SPEC, lists.rows, connections);
  return (
    <>
      <ListFrame
        title="Things"
        description="Things of every connection."
        connections={connections}
        noConnection={{ title: 'No thing connection', body: 'Sign in to one.' }}
        lists={lists}
        empty={{ title: 'No things yet' }}
        view={view}
        table={
          <ul aria-label="Things">
            {view.shown.map((t) => (
              <li key={`${t.connectionId}/${t.id}`}>{t.name}</li>
            ))}
          </ul>
        }
      />
      <Where />
    </>
  );
}

const shown = () =>
  within(screen.getByRole('list', { name: 'Things' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);
const count = () => screen.getByText(/ things$/, { selector: '[role="status"]' }).textContent;

afterEach(() => {
  cleanup();
  answers.clear();
});

describe('the list frame (issue 12 item 5)', () => {
  test('without a connection of its kind it says so, and shows no toolbar', () => {
    renderUi(<ThingsPage connections={[]} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Things' })).toBeTruthy();
    expect(screen.getByText('No thing connection')).toBeTruthy();
    expect(screen.queryByLabelText('Search things')).toBeNull();
  });

  test('loading, then nothing yet', async () => {
    answers.set('a', 'never');
    const view = renderUi(<ThingsPage connections={[A]} />);
    expect(screen.getByRole('status', { name: 'Loading things' })).toBeTruthy();
    // No count before the rows are known: "0 things" would not be true.
    expect(screen.queryByText(/ things$/, { selector: '[role="status"]' })).toBeNull();
    view.unmount();
    answers.set('a', []);
    renderUi(<ThingsPage connections={[A]} />);
    expect(await screen.findByText('No things yet')).toBeTruthy();
    expect(count()).toBe('0 things');
  });

  test("while one connection's first answer is on its way, the others' rows show and the page says more are coming", async () => {
    answers.set('a', [thing('a', '1', 'Anvil')]);
    answers.set('b', 'never');
    const view = renderUi(<ThingsPage connections={[A, B]} />);
    await waitFor(() => expect(shown()).toEqual(['Anvil']));
    expect(count()).toBe('1 things');
    expect(screen.getByText('Loading more…')).toBeTruthy();
    view.unmount();
    answers.set('b', [thing('b', '2', 'Bolt')]);
    renderUi(<ThingsPage connections={[A, B]} />);
    await waitFor(() => expect(shown()).toEqual(['Anvil', 'Bolt']));
    expect(screen.queryByText('Loading more…')).toBeNull();
  });

  test('a connection that failed to load is named with its error; the others show their rows', async () => {
    answers.set('a', boom('Alpha is down'));
    answers.set('b', [thing('b', '1', 'Bolt')]);
    renderUi(<ThingsPage connections={[A, B]} />);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not load the things of Alpha')).toBeTruthy();
    expect(alert.textContent).toContain('Alpha is down');
    expect(shown()).toEqual(['Bolt']);
    answers.set('a', [thing('a', '2', 'Anvil')]);
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(shown()).toEqual(['Anvil', 'Bolt']));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test("a failed connection's error stays while it is asked again, and the page does not go back to loading", async () => {
    answers.set('a', boom('Alpha is down'));
    renderUi(<ThingsPage connections={[A]} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Alpha is down');
    // Its poll (or a retry) is on its way and does not come back: the error stays, with no spinner.
    answers.set('a', 'never');
    fireEvent.click(screen.getByRole('button', { name: 'Poll' }));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(screen.getByRole('alert').textContent).toContain('Could not load the things of Alpha');
    expect(screen.getByRole('alert').textContent).toContain('Alpha is down');
    expect(screen.queryByRole('status', { name: 'Loading things' })).toBeNull();
  });

  test('a connection whose first answer does not come is named after a while; the others show', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      answers.set('a', [thing('a', '1', 'Anvil')]);
      answers.set('b', 'never');
      renderUi(<ThingsPage connections={[A, B]} />);
      await waitFor(() => expect(shown()).toEqual(['Anvil']));
      expect(screen.queryByText('Beta is not answering')).toBeNull();
      await act(() => vi.advanceTimersByTimeAsync(NOT_ANSWERING_MS));
      const notice = screen.getByText('Beta is not answering').closest('[role="status"]');
      expect(notice?.textContent).toContain('shows its things when they come');
      expect(screen.queryByText('Alpha is not answering')).toBeNull();
      expect(shown()).toEqual(['Anvil']);
    } finally {
      vi.useRealTimers();
    }
  });

  test('a refresh that failed is said, and the rows it had stay on screen', async () => {
    answers.set('a', [thing('a', '1', 'Anvil'), thing('a', '2', 'Axe')]);
    renderUi(<ThingsPage connections={[A]} />);
    await waitFor(() => expect(shown()).toEqual(['Anvil', 'Axe']));
    answers.set('a', boom('Injected fault'));
    fireEvent.click(screen.getByRole('button', { name: 'Poll' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not refresh the things of Alpha')).toBeTruthy();
    expect(alert.textContent).toMatch(/Injected fault .*Showing what it answered at /);
    expect(shown()).toEqual(['Anvil', 'Axe']);
    answers.set('a', [thing('a', '1', 'Anvil')]);
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(shown()).toEqual(['Anvil']));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('search and filters narrow the rows, say how many of how many, and live in the URL', async () => {
    answers.set('a', [thing('a', '1', 'Anvil'), thing('a', '2', 'Axe', false)]);
    answers.set('b', [thing('b', '3', 'Bolt', false)]);
    renderUi(<ThingsPage connections={[A, B]} />, { route: '/things?enabled=disabled' });
    await waitFor(() => expect(shown()).toEqual(['Axe', 'Bolt']));
    expect(count()).toBe('2 of 3 things');
    expect(screen.getByLabelText('Enabled')).toHaveProperty('value', 'disabled');

    fireEvent.change(screen.getByLabelText('Connection'), { target: { value: 'b' } });
    await waitFor(() => expect(shown()).toEqual(['Bolt']));
    expect(screen.getByTestId('where').textContent).toBe('?enabled=disabled&connection=b');

    fireEvent.change(screen.getByLabelText('Search things'), { target: { value: 'anv' } });
    expect(await screen.findByText('No thing matches these filters')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Enabled'), { target: { value: ALL } });
    fireEvent.change(screen.getByLabelText('Connection'), { target: { value: ALL } });
    await waitFor(() => expect(shown()).toEqual(['Anvil']));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('?q=anv'));
  });

  test('a filter value the page does not know reads as everything', async () => {
    answers.set('a', [thing('a', '1', 'Anvil')]);
    renderUi(<ThingsPage connections={[A]} />, { route: '/things?connection=zzz&enabled=maybe&sort=hack' });
    await waitFor(() => expect(shown()).toEqual(['Anvil']));
    expect(screen.getByLabelText('Connection')).toHaveProperty('value', ALL);
    expect(screen.getByLabelText('Enabled')).toHaveProperty('value', ALL);
  });
});
