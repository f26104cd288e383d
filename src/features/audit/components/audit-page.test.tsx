// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { ConsoleAdminTest } from '../../../components/testing/console-admin-test';
import {
  send,
  shownSearch,
  signIn,
  startConsoleAdminTest,
} from '../../../components/testing/console-admin-test';
import { toLocalInput } from './audit-filter';
import { AuditPage } from './audit-page';

let t: ConsoleAdminTest | null = null;
afterEach(async () => {
  cleanup();
  await t?.close();
  t = null;
});

const MINUTE = 60_000;
const rows = () => [
  ...(screen
    .queryByRole('table', { name: 'Audit log' })
    ?.querySelectorAll<HTMLElement>('tbody tr[data-outcome]') ?? []),
];
const outcomes = () => new Set(rows().map((r) => r.getAttribute('data-outcome')));
const auditAsks = () => t!.requests.filter((u) => u.pathname === '/console/api/audit');
const lastAsk = () => auditAsks().at(-1)!.searchParams;

/** A few minutes of console use: sign-ins, a wrong password, a refusal, a user added. */
async function someHistory(test: ConsoleAdminTest) {
  const { h } = test;
  h.clock.advance(MINUTE);
  await send(h.url, 'POST', '/console/api/session', { body: { username: 'mallory', password: 'guess' } });
  h.clock.advance(MINUTE);
  const viewer = await signIn(h.url, 'viewer');
  await send(h.url, 'GET', '/console/api/users', { cookie: viewer });
  h.clock.advance(10 * MINUTE);
  await send(h.url, 'POST', '/console/api/users', {
    cookie: test.cookie,
    body: { username: 'carol', role: 'support', password: 'long enough' },
  });
}

/** The page after someHistory, two entries a page, its first page shown. */
async function openTwoAPage(): Promise<ConsoleAdminTest> {
  const test = await startConsoleAdminTest('admin');
  await someHistory(test);
  test.render(<AuditPage pageSize={2} />, '/audit');
  await waitFor(() => expect(rows().length).toBe(2));
  return test;
}

/** "Show older", and wait until the page shows `count` entries. */
async function showOlder(count: number) {
  fireEvent.click(screen.getByRole('button', { name: 'Show older' }));
  await waitFor(() => expect(rows().length).toBe(count));
}

describe('AuditPage', () => {
  test('filters are read from the URL, written to it, sent to the API and carried by the CSV link', async () => {
    t = await startConsoleAdminTest('admin');
    await someHistory(t);
    t.render(<AuditPage />, '/audit?outcome=refused');
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect([...outcomes()]).toEqual(['refused']);
    expect(screen.getByLabelText('Outcome')).toHaveProperty('value', 'refused');
    expect(lastAsk().get('outcome')).toBe('refused');
    expect(rows()[0]!.textContent).toContain('viewer');
    expect(rows()[0]!.textContent).toContain('Your role (viewer) may not manage console users');

    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'failed' } });
    await waitFor(() => expect(shownSearch().get('outcome')).toBe('failed'));
    await waitFor(() => expect([...outcomes()]).toEqual(['failed']));
    expect(rows()[0]!.textContent).toContain('mallory');

    // Person is typed: it reaches the URL and the API once typing pauses; any case matches.
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Person'), { target: { value: 'ADMIN' } });
    await waitFor(() => expect(shownSearch().get('person')).toBe('ADMIN'));
    expect(shownSearch().has('outcome')).toBe(false);
    await waitFor(() => expect(lastAsk().get('person')).toBe('ADMIN'));
    await waitFor(() =>
      expect(rows().map((r) => r.getAttribute('data-action'))).toEqual(['user.add', 'sign-in']),
    );
    expect(rows()[0]!.textContent).toContain('carol');

    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'user.add' } });
    await waitFor(() => expect(rows().length).toBe(1));
    expect(lastAsk().get('action')).toBe('user.add');

    // The time range: from after the sign-in, to before the user was added.
    const start = Date.parse('2026-12-03T08:00:00Z');
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Person'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('From'), {
      target: { value: toLocalInput(new Date(start + MINUTE).toISOString()) },
    });
    fireEvent.change(screen.getByLabelText('To'), {
      target: { value: toLocalInput(new Date(start + 5 * MINUTE).toISOString()) },
    });
    await waitFor(() => {
      expect(shownSearch().get('from')).toBe('2026-12-03T08:01:00.000Z');
      expect(shownSearch().get('to')).toBe('2026-12-03T08:05:00.000Z');
    });
    await waitFor(() => expect(lastAsk().get('to')).toBe('2026-12-03T08:05:00.000Z'));
    await waitFor(() =>
      expect(rows().map((r) => r.getAttribute('data-action'))).toEqual(['request', 'sign-in', 'sign-in']),
    );

    // The CSV link carries the same filters; what it downloads are those rows.
    const link = screen.getByRole('link', { name: 'Download CSV' });
    const href = new URL(link.getAttribute('href')!);
    expect(href.pathname).toBe('/console/api/audit');
    expect(Object.fromEntries(href.searchParams)).toEqual({
      from: '2026-12-03T08:01:00.000Z',
      to: '2026-12-03T08:05:00.000Z',
      format: 'csv',
    });
    const csv = await send(t.h.url, 'GET', `${href.pathname}${href.search}`, { cookie: t.cookie });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.trim().split('\n')).toHaveLength(1 + 3);

    // A link someone shared opens on the same view.
    cleanup();
    t.render(<AuditPage />, '/audit?person=mallory&outcome=failed&action=sign-in');
    await waitFor(() => expect(rows().length).toBe(1));
    expect(screen.getByLabelText('Person')).toHaveProperty('value', 'mallory');
    expect(screen.getByLabelText('Action')).toHaveProperty('value', 'sign-in');
    expect(Object.fromEntries(lastAsk())).toMatchObject({
      person: 'mallory',
      outcome: 'failed',
      action: 'sign-in',
    });
    expect(new URL(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')!).search).toBe(
      '?person=mallory&action=sign-in&outcome=failed&format=csv',
    );
  }, 30_000);

  test('"Show older" pages with before; new entries show without a reload', async () => {
    t = await openTwoAPage();
    const all = (await send(t.h.url, 'GET', '/console/api/audit', { cookie: t.cookie })).json.entries as {
      id: number;
      action: string;
    }[];
    expect(all.length).toBe(5);
    expect(rows().map((r) => r.getAttribute('data-action'))).toEqual(all.slice(0, 2).map((e) => e.action));
    expect(lastAsk().get('limit')).toBe('2');
    expect(lastAsk().has('before')).toBe(false);

    await showOlder(4);
    expect(lastAsk().get('before')).toBe(String(all[1]!.id));
    await showOlder(5);
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull();
    expect(screen.getByText('No older entries.')).toBeTruthy();
    expect(rows().map((r) => r.getAttribute('data-action'))).toEqual(all.map((e) => e.action));

    // Someone signs in elsewhere: the page reads the log again by itself and shows it on top.
    await signIn(t.h.url, 'support');
    await waitFor(() => expect(rows()[0]!.textContent).toContain('support'), { timeout: 10_000 });
    expect(rows()[0]!.getAttribute('data-action')).toBe('sign-in');
    expect(within(rows()[0]!).getByText('OK')).toBeTruthy();
  }, 30_000);

  test('the live refresh reads only what is newer than the entries shown: older pages are read once', async () => {
    t = await openTwoAPage();
    await showOlder(4);
    await showOlder(5);
    const serverLog = async () => {
      const answer = await send(t!.h.url, 'GET', '/console/api/audit', { cookie: t!.cookie });
      return (answer.json.entries as { id: number }[]).map((e) => String(e.id));
    };
    const shownIds = () => rows().map((r) => r.getAttribute('data-entry'));

    // One new entry: the refresh asks for the newest page only, never for a page below a cursor.
    const oneNew = auditAsks().length;
    await signIn(t.h.url, 'support');
    await waitFor(() => expect(rows().length).toBe(6), { timeout: 10_000 });
    expect(shownIds()).toEqual(await serverLog());
    const refreshes = auditAsks().slice(oneNew);
    expect(refreshes.length).toBeGreaterThan(0);
    expect(refreshes.filter((u) => u.searchParams.has('before'))).toEqual([]);

    // More new entries than a page holds: the refresh reads down to the newest entry it had shown,
    // and no further; every entry stays in order, none twice, none missing.
    const top = Number(shownIds()[0]);
    const manyNew = auditAsks().length;
    for (const who of ['viewer', 'support', 'admin']) await signIn(t.h.url, who);
    await waitFor(() => expect(rows().length).toBe(9), { timeout: 10_000 });
    expect(shownIds()).toEqual(await serverLog());
    for (const ask of auditAsks().slice(manyNew)) {
      const before = ask.searchParams.get('before');
      if (before !== null) expect(Number(before)).toBeGreaterThan(top);
    }
  }, 30_000);

  test('a person who is not an administrator reads why the page is empty', async () => {
    t = await startConsoleAdminTest('support');
    t.render(<AuditPage />, '/audit');
    expect(
      await screen.findByRole(
        'alert',
        { name: /Only administrators can see the audit log/ },
        { timeout: 5_000 },
      ),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Audit log' })).toBeTruthy();
    expect(screen.getByText(/Your role \(support\) may not read the audit log/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
