// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { LogItem, Role } from '../../../api/domain';
import { factText } from '../../../components/testing/page-queries';
import type { PageTest } from '../../../components/testing/page-test';
import { pageTestPerTest } from '../../../components/testing/page-tests';
import { openRestoreSession, preparedAs } from '../../../components/testing/prepare';
import { RestoreSessionPage } from './restore-session-page';

const startPage = pageTestPerTest();

/** The route hands in the Jobs feature's log table; a plain list stands in for it here. */
const renderEvents = (events: readonly LogItem[]) => (
  <ul aria-label="Restore session events">
    {events.map((e) => (
      <li key={e.id}>{e.title}</li>
    ))}
  </ul>
);
const events = () =>
  within(screen.getByRole('list', { name: 'Restore session events' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);
const stateShown = () => screen.getByTestId('restore-session-state').getAttribute('data-status');

/**
 * Signed in as `role`, the page of the session `pick` names (by default one just opened by support),
 * `mayStop` from the role as /restore-sessions/:connectionId/:id works it out.
 */
async function open(role: Role, pick?: (page: PageTest) => Promise<string>) {
  const page = await startPage(role);
  const p = page.t.runtime.provider('veeam');
  const id = pick
    ? await pick(page)
    : await preparedAs(page, 'support', role, () => openRestoreSession(page));
  const mayStop = page.access.allow('veeam', 'restore-session').allowed;
  page.render(
    <RestoreSessionPage connectionId="veeam" id={id} mayStop={mayStop} renderEvents={renderEvents} />,
    `/restore-sessions/veeam/${id}`,
  );
  return { p, id };
}

describe('RestoreSessionPage', () => {
  test('a viewer reads an ended session, its facts and events', async () => {
    const { p, id } = await open('viewer', async (page) => {
      const ended = (await page.t.runtime.provider('veeam').listRestoreSessions()).find(
        (x) => x.state === 'stopped',
      );
      return ended!.id;
    });
    const s = await p.getRestoreSession(id);
    await screen.findByRole('heading', { level: 1, name: s.parentName }, { timeout: 10_000 });
    expect(stateShown()).toBe('stopped');
    expect(factText('State')).toBe('Stopped');
    expect(factText('Started by')).toBe(s.initiatedBy);
    expect(factText('Ended')).not.toBe('Still open');
    const expected = (await p.listRestoreSessionEvents(s.id)).map((e) => e.title);
    await waitFor(() => expect(events()).toEqual(expected));
  });

  test('a viewer finds no Stop on an open session', async () => {
    await open('viewer');
    await waitFor(() => expect(stateShown()).toBe('running'), { timeout: 10_000 });
    expect(factText('Result')).toBe('Still open');
    expect(factText('Ended')).toBe('Still open');
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  test('an unknown session id shows "Restore session not found" and the way back', async () => {
    await open('support', () => Promise.resolve('00000000-0000-4000-8000-000000000000'));
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(within(alert).getByText('Restore session not found')).toBeTruthy();
    const back = within(alert).getByRole('link', { name: 'Back to Restore sessions' });
    expect(back.getAttribute('href')).toBe('/restore-sessions');
  });

  test('support stops an open session after confirming: it ends Stopped, with the event that says so', async () => {
    const { p, id } = await open('support');
    const name = (await p.getRestoreSession(id)).parentName;
    const stop = await screen.findByRole('button', { name: `Stop ${name}` }, { timeout: 10_000 });
    fireEvent.click(stop);
    let dialog = await screen.findByRole('dialog', { name: 'Stop the restore session?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await p.getRestoreSession(id)).state).toBe('running');

    fireEvent.click(stop);
    dialog = await screen.findByRole('dialog', { name: 'Stop the restore session?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stop session' }));
    await waitFor(() => expect(stateShown()).toBe('stopped'));
    expect(screen.queryByRole('button', { name: `Stop ${name}` })).toBeNull();
    expect(factText('Ended')).not.toBe('Still open');
    await waitFor(() => expect(events().some((e) => e?.startsWith('Restore session stopped'))).toBe(true));
  });
});
