// @vitest-environment jsdom
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { ApiError } from '../api/api-error';
import { DetailFrame } from './detail-frame';
import { renderUi } from './test-render';

interface Thing {
  id: string;
  name: string;
}

/** What the service answers next for the thing: it, an error, or never (still loading). */
let answer: Thing | ApiError | 'never' = 'never';
const LIST = { to: '/things', label: 'Things' };

const thingQuery = (id: string) =>
  queryOptions({
    queryKey: ['thing', id] as const,
    queryFn: () => {
      const a = answer;
      if (a === 'never') return new Promise<Thing>(() => undefined);
      if (a instanceof ApiError) return Promise.reject(a);
      return Promise.resolve(a);
    },
  });

function ThingPage({ id }: { id: string }) {
  const thing = useQuery(thingQuery(id));
  const client = useQueryClient();
  return (
    <>
      <DetailFrame query={thing} what="Thing" list={LIST} id={id}>
        {(t) => ({ title: t.name, description: `Thing #${t.id}`, body: <p>Body of {t.name}</p> })}
      </DetailFrame>
      <button type="button" onClick={() => void client.refetchQueries()}>
        Poll
      </button>
    </>
  );
}

const crumbs = () => screen.getByRole('link', { name: 'Things' });

afterEach(() => {
  cleanup();
  answer = 'never';
});

describe('the detail frame (issue 12 item 5)', () => {
  test('loading: the breadcrumbs already lead back to the list', () => {
    renderUi(<ThingPage id="7" />);
    expect(screen.getByRole('status', { name: 'Loading the thing' })).toBeTruthy();
    expect(crumbs().getAttribute('href')).toBe('/things');
  });

  test('found: the title is the last breadcrumb, the body follows', async () => {
    answer = { id: '7', name: 'Anvil' };
    renderUi(<ThingPage id="7" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Anvil' })).toBeTruthy();
    expect(crumbs().getAttribute('href')).toBe('/things');
    expect(screen.getAllByText('Anvil').length).toBe(2); // the heading and the breadcrumb
    expect(screen.getByText('Body of Anvil')).toBeTruthy();
    expect(document.title).toContain('Anvil');
  });

  test('not found: said once in an alert, with the way back', async () => {
    answer = new ApiError({ kind: 'http', status: 404, message: 'No such thing' });
    renderUi(<ThingPage id="7" />);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Thing not found')).toBeTruthy();
    expect(within(alert).getByRole('link', { name: 'Back to Things' }).getAttribute('href')).toBe('/things');
    expect(screen.getByRole('heading', { level: 1, name: 'Not found' })).toBeTruthy();
    expect(document.title).toContain('Thing not found');
  });

  test('an error with nothing loaded: its message and a retry that loads it', async () => {
    answer = new ApiError({ kind: 'http', status: 500, message: 'The service broke' });
    renderUi(<ThingPage id="7" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The service broke');
    answer = { id: '7', name: 'Anvil' };
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Anvil' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('a refresh that failed is said over the data it had, which stays', async () => {
    answer = { id: '7', name: 'Anvil' };
    renderUi(<ThingPage id="7" />);
    await screen.findByRole('heading', { level: 1, name: 'Anvil' });
    answer = new ApiError({ kind: 'http', status: 503, message: 'Injected fault' });
    fireEvent.click(screen.getByRole('button', { name: 'Poll' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not refresh the thing')).toBeTruthy();
    expect(alert.textContent).toMatch(/Injected fault .*Showing what it answered at /);
    expect(screen.getByText('Body of Anvil')).toBeTruthy();
    answer = { id: '7', name: 'Anvil 2' };
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.getByRole('heading', { level: 1, name: 'Anvil 2' })).toBeTruthy();
  });
});
