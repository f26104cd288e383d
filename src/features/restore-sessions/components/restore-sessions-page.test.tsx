// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, test } from 'vitest';
import type { Role } from '../../../api/domain';
import type { PageAccess } from '../../../components/page-access';
import { areaAccess } from '../../../components/testing/area-access';
import { tableRows } from '../../../components/testing/page-queries';
import type { PageTest } from '../../../components/testing/page-test';
import { pageTestPerTest } from '../../../components/testing/page-tests';
import { openRestoreSession, preparedAs } from '../../../components/testing/prepare';
import { ExploreDialog } from './explore-dialog';
import { RestoreSessionsPage } from './restore-sessions-page';

const startPage = pageTestPerTest();

/** The route's wiring: "open a new one" where the role may, in the explore dialog. */
function SessionsRoute({ access }: { access: PageAccess }) {
  const [opening, setOpening] = useState(false);
  const area = areaAccess(access, 'restoreSessions');
  const openable = area.connections.filter((c) => area.permissionFor(c.id, 'restore-session').allowed);
  return (
    <RestoreSessionsPage {...area} onOpenNew={openable.length > 0 ? () => setOpening(true) : undefined}>
      <ExploreDialog opened={opening} onClose={() => setOpening(false)} connections={openable} />
    </RestoreSessionsPage>
  );
}

const rows = () => tableRows('Restore sessions');
const states = () => rows().map((r) => r.getAttribute('data-status'));
/** The State filter: Open, Ended or one state (the list frame's select, issue 12 item 5). */
const show = (which: string) =>
  fireEvent.change(screen.getByLabelText('State'), { target: { value: which.toLowerCase() } });

/** The page signed in as `role`, after `prepare` has made what it is to show. */
async function open<T>(role: Role, route: string, prepare?: (page: PageTest) => Promise<T>) {
  const page = await startPage(role);
  const made = await prepare?.(page);
  page.render(<SessionsRoute access={page.access} />, route);
  await screen.findByRole('heading', { level: 1, name: 'Restore sessions' });
  return { p: page.t.runtime.provider('veeam'), made };
}

describe('RestoreSessionsPage', () => {
  test('a viewer sees open and ended sessions, filters them, and may neither open nor stop one', async () => {
    const { p, made } = await open('viewer', '/restore-sessions', (page) =>
      preparedAs(page, 'support', 'viewer', () => openRestoreSession(page)),
    );
    const all = await p.listRestoreSessions();
    const opened = await p.getRestoreSession(made!);
    await waitFor(() => expect(rows()).toHaveLength(all.length), { timeout: 10_000 });
    expect(states()).toContain('stopped');
    expect(rows().flatMap((r) => within(r).queryAllByRole('button'))).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Open a restore session' })).toBeNull();

    show('Open');
    await waitFor(() => expect(states()).toEqual(['running']));
    expect(within(rows()[0]!).getByRole('link').textContent).toBe(opened.parentName);
    show('Ended');
    await waitFor(() => expect(rows()).toHaveLength(all.length - 1));
    expect(new Set(states())).toEqual(new Set(['stopped']));
  });

  test('support opens a session from the dialog and stops it after confirming: it ends Stopped', async () => {
    const { p } = await open('support', '/restore-sessions?state=open');
    expect(
      await screen.findByText('No restore session matches these filters', {}, { timeout: 10_000 }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open a restore session' }));
    const dialog = await screen.findByRole('dialog', { name: 'Open a restore session' });
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Open restore session' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const opened = (await p.listRestoreSessions()).find((s) => s.state === 'running')!;
    expect(opened.initiatedBy).toBe('support');

    const row = () => rows().find((r) => within(r).queryByRole('link', { name: opened.parentName }));
    await waitFor(() => expect(row()?.getAttribute('data-status')).toBe('running'));
    const others = rows().filter((r) => r !== row());
    expect(others.flatMap((r) => within(r).queryAllByRole('button'))).toEqual([]);
    fireEvent.click(within(row()!).getByRole('button', { name: `Stop ${opened.parentName}` }));
    const confirm = await screen.findByRole('dialog', { name: 'Stop the restore session?' });
    expect((await p.getRestoreSession(opened.id)).state).toBe('running');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Stop session' }));
    await waitFor(() => expect(row()?.getAttribute('data-status')).toBe('stopped'));
    expect(within(row()!).queryByRole('button')).toBeNull();
  });

  test('search, connection and state filter the sessions, and a link opens them filtered (issue 10 §14)', async () => {
    const { p, made } = await open('viewer', '/restore-sessions', (page) =>
      preparedAs(page, 'support', 'viewer', () => openRestoreSession(page)),
    );
    const all = await p.listRestoreSessions();
    await waitFor(() => expect(rows()).toHaveLength(all.length), { timeout: 10_000 });
    const count = screen.getByText(/ restore sessions$/, { selector: '[role="status"]' });
    expect(count.textContent).toBe(`${all.length} restore sessions`);
    const linkIds = () =>
      rows().map((r) => within(r).getByRole('link').getAttribute('href')?.split('/').pop());

    fireEvent.change(screen.getByLabelText('Search restore sessions'), { target: { value: made! } });
    await waitFor(() => expect(linkIds()).toEqual([made]));
    expect(count.textContent).toBe(`1 of ${all.length} restore sessions`);
    show('Ended');
    expect(await screen.findByText('No restore session matches these filters')).toBeTruthy();
    show('Open');
    await waitFor(() => expect(linkIds()).toEqual([made]));
    fireEvent.change(screen.getByLabelText('Connection'), { target: { value: 'veeam' } });
    await waitFor(() => expect(screen.getByLabelText('Connection')).toHaveProperty('value', 'veeam'));
    expect(linkIds()).toEqual([made]);
  });

  test('a link with a search and a state opens the sessions filtered (issue 10 §14)', async () => {
    await open('viewer', '/restore-sessions?q=nothing-is-called-like-this&state=stopped');
    expect(
      await screen.findByText('No restore session matches these filters', {}, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(screen.getByLabelText('Search restore sessions')).toHaveProperty(
      'value',
      'nothing-is-called-like-this',
    );
    expect(screen.getByLabelText('State')).toHaveProperty('value', 'stopped');
  });
});
