// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { LogItem, Role } from '../../../../api/domain';
import type { ContentNode } from '../../../../api/restore-content';
import { openSession } from '../../../../api/restore-content-contract.test-suite';
import { pageTestPerTest } from '../../../../components/testing/page-tests';
import { preparedAs } from '../../../../components/testing/prepare';
import { RestoreSessionPage } from '../restore-session-page';

const startPage = pageTestPerTest();

const renderEvents = (events: readonly LogItem[]) => (
  <ul aria-label="Restore session events">
    {events.map((e) => (
      <li key={e.id}>{e.title}</li>
    ))}
  </ul>
);

/** The page of an Exchange session support opened, as `role` sees it, at `query`. */
async function open(role: Role, query = '') {
  const page = await startPage(role);
  const p = page.t.runtime.provider('veeam');
  const id = await preparedAs(page, 'support', role, () => openSession(p, page.t.clock.now(), 'vex', true));
  const may = (a: 'restore-content.browse' | 'restore-content.restore') =>
    page.access.allow('veeam', a).allowed;
  page.render(
    <RestoreSessionPage
      connectionId="veeam"
      id={id}
      mayStop={page.access.allow('veeam', 'restore-session').allowed}
      mayBrowse={may('restore-content.browse')}
      mayRestore={may('restore-content.restore')}
      renderEvents={renderEvents}
    />,
    `/restore-sessions/veeam/${id}${query}`,
  );
  return { p, id, page };
}

/** The page of session `id` at `query`, with every right (stop, browse, restore). */
function renderWithEveryRight(page: Awaited<ReturnType<typeof startPage>>, id: string, query: string) {
  page.render(
    <RestoreSessionPage
      connectionId="veeam"
      id={id}
      mayStop
      mayBrowse
      mayRestore
      renderEvents={renderEvents}
    />,
    `/restore-sessions/veeam/${id}${query}`,
  );
}

const rows = (name: string) => [
  ...(screen.queryByRole('table', { name })?.querySelectorAll<HTMLElement>('tbody tr[data-status]') ?? []),
];

describe('SessionExplorer', () => {
  test('a place chosen in the tree costs one request, for its first items: the tree already knows the place and the places above it', async () => {
    const { p, id, page } = await open('support');
    const mailbox = (await p.listContentNodes(id, null))[0]!;
    const tree = await screen.findByRole('tree', { name: 'Places' }, { timeout: 40_000 });
    fireEvent.click(within(tree).getByRole('treeitem', { name: mailbox.name }));
    const inbox = await within(tree).findByRole('treeitem', { name: 'Inbox' }, { timeout: 40_000 });
    const from = page.t.requests.length;
    fireEvent.click(inbox);
    await waitFor(() => expect(rows('Items in Inbox').length).toBeGreaterThan(5), { timeout: 40_000 });
    const folder = (await p.listContentNodes(id, mailbox.id)).find((f) => f.name === 'Inbox')!;
    const asked = page.t.requests.slice(from).map((r) => new URL(r.url));
    // The Inbox's subfolders (the tree opens it) and its first items: no read of the Inbox itself
    // or of its mailbox, which the tree listed already.
    expect(
      asked.filter(
        (u) => u.pathname.endsWith('/items') && folder.id.endsWith(`/${u.searchParams.get('folderId')}`),
      ),
    ).toHaveLength(1);
    expect(asked.filter((u) => /\/(folders|mailboxes)\/[^/]+$/.test(u.pathname))).toEqual([]);
  });

  test('support opens a mailbox and its Inbox, finds a mail by subject, and sees the organization and point in time', async () => {
    const { p, id } = await open('support');
    const content = await p.getSessionContent(id);
    const context = await screen.findByTestId('session-context', {}, { timeout: 40_000 });
    await waitFor(() => expect(context.textContent).toContain(content.organizationName));
    expect(context.textContent).toMatch(/Point in time\s*\S/);

    const mailbox = (await p.listContentNodes(id, null))[0]!;
    const tree = await screen.findByRole('tree', { name: 'Places' }, { timeout: 40_000 });
    fireEvent.click(within(tree).getByRole('treeitem', { name: mailbox.name }));
    const inbox = await within(tree).findByRole('treeitem', { name: 'Inbox' }, { timeout: 40_000 });
    fireEvent.click(inbox);
    expect(inbox.getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(rows('Items in Inbox').length).toBeGreaterThan(5), { timeout: 40_000 });

    const folder = (await p.listContentNodes(id, mailbox.id)).find((f) => f.name === 'Inbox')!;
    const { items } = await p.listContentItems(id, folder.id, { offset: 0, limit: 50 });
    const wanted = items[7]!;
    fireEvent.change(screen.getByRole('textbox', { name: 'Search' }), { target: { value: wanted.title } });
    await waitFor(() => {
      const shown = rows('Items in Inbox');
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((r) => r.textContent?.toLowerCase().includes(wanted.title.toLowerCase()))).toBe(
        true,
      );
    });
    expect(screen.getByRole('button', { name: 'Restore to another mailbox' })).toBeTruthy();
  }, 120_000);

  test('a link to a folder and an item opens both', async () => {
    const page = await startPage('support');
    const p = page.t.runtime.provider('veeam');
    const id = await openSession(p, page.t.clock.now(), 'vex');
    const mailbox = (await p.listContentNodes(id, null))[0]!;
    const folder = (await p.listContentNodes(id, mailbox.id)).find((f) => f.name === 'Inbox')!;
    const item = (await p.listContentItems(id, folder.id, { offset: 0, limit: 5 })).items[3]!;
    const query = `?folder=${encodeURIComponent(folder.id)}&item=${encodeURIComponent(item.id)}`;
    renderWithEveryRight(page, id, query);
    const details = await screen.findByRole('dialog', { name: item.title }, { timeout: 40_000 });
    expect(within(details).getByText(item.from!)).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: 'Inbox' }, { timeout: 40_000 })).toBeTruthy();
  }, 120_000);

  test('a deep link to a nested folder unfolds the tree down to it, selected', async () => {
    const page = await startPage('support');
    const p = page.t.runtime.provider('veeam');
    const id = await openSession(p, page.t.clock.now(), 'vex');
    const mailbox = (await p.listContentNodes(id, null))[0]!;
    // A folder two levels below the mailbox (a mail folder's subfolder).
    let parent: ContentNode | undefined;
    let nested: ContentNode | undefined;
    for (const f of await p.listContentNodes(id, mailbox.id)) {
      nested = (await p.listContentNodes(id, f.id))[0];
      if (nested) {
        parent = f;
        break;
      }
    }
    renderWithEveryRight(page, id, `?folder=${encodeURIComponent(nested!.id)}`);
    const tree = await screen.findByRole('tree', { name: 'Places' }, { timeout: 40_000 });
    const item = await within(tree).findByRole('treeitem', { name: nested!.name }, { timeout: 40_000 });
    expect(item.getAttribute('aria-selected')).toBe('true');
    expect(item.getAttribute('aria-level')).toBe('3');
    for (const above of [mailbox, parent!])
      expect(within(tree).getByRole('treeitem', { name: above.name }).getAttribute('aria-expanded')).toBe(
        'true',
      );
  }, 120_000);

  test('a viewer sees the session and its events, but no content is offered', async () => {
    await open('viewer');
    await screen.findByTestId('restore-session-state', {}, { timeout: 40_000 });
    await screen.findByRole('list', { name: 'Restore session events' }, { timeout: 40_000 });
    expect(screen.queryByRole('tree')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Content of the restore session' })).toBeNull();
    expect(screen.queryByTestId('session-context')).toBeNull();
  }, 120_000);
});
