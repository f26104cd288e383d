// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useNavigate } from 'react-router';
import { describe, expect, test } from 'vitest';
import type { BackupProvider } from '../../../../api/provider';
import type { ContentNode } from '../../../../api/restore-content';
import { openSession } from '../../../../api/restore-content-contract.test-suite';
import { pageTestPerTest } from '../../../../components/testing/page-tests';
import { RestoreSessionPage } from '../restore-session-page';

const startPage = pageTestPerTest();

/** An Exchange session support opened, its page rendered with every right at `query` (a function of the session). */
async function open(query: (p: BackupProvider, id: string) => Promise<string> | string = () => '') {
  const page = await startPage('support');
  const p = page.t.runtime.provider('veeam');
  const id = await openSession(p, page.t.clock.now(), 'vex');
  const route = `/restore-sessions/veeam/${id}${await query(p, id)}`;
  const everyRight = { mayStop: true, mayBrowse: true, mayRestore: true };
  page.render(
    <>
      <RestoreSessionPage connectionId="veeam" id={id} {...everyRight} renderEvents={() => null} />
      <BackButton />
    </>,
    route,
  );
  return { p, id };
}

/** The browser's Back, as a button (the memory router of the tests has no browser around it). */
function BackButton() {
  const navigate = useNavigate();
  return (
    <button type="button" onClick={() => void navigate(-1)}>
      Back
    </button>
  );
}

/** The first mailbox, a folder of it that has folders of its own, and the first of those. */
async function nestedFolder(p: BackupProvider, id: string) {
  const mailbox = (await p.listContentNodes(id, null))[0]!;
  for (const parent of await p.listContentNodes(id, mailbox.id)) {
    const nested = (await p.listContentNodes(id, parent.id))[0];
    if (nested) return { mailbox, parent, nested };
  }
  throw new Error('no mailbox folder with folders of its own');
}

async function inboxOf(p: BackupProvider, id: string): Promise<ContentNode> {
  const mailbox = (await p.listContentNodes(id, null))[0]!;
  return (await p.listContentNodes(id, mailbox.id)).find((f) => f.name === 'Inbox')!;
}

/** The tree items that are tab stops; each must be in view (no closed item above it). */
function tabStops(tree: HTMLElement) {
  const stops = [...tree.querySelectorAll<HTMLElement>('[role="treeitem"]')].filter(
    (i) => i.getAttribute('tabindex') === '0',
  );
  for (const stop of stops) {
    for (
      let up = stop.parentElement?.closest('[role="treeitem"]');
      up;
      up = up.parentElement?.closest('[role="treeitem"]')
    )
      expect(up.getAttribute('aria-expanded')).toBe('true');
  }
  return stops.map((s) => s.getAttribute('aria-label'));
}

const key = (el: Element, k: string) => fireEvent.keyDown(el, { key: k });
const itemRows = (name: string) =>
  screen.getByRole('table', { name }).querySelectorAll<HTMLElement>('tbody tr[data-status]');

describe('the explorer by keyboard', () => {
  test('the tree keeps one tab stop in view when the branch of the selected folder closes: the item focused last, else the nearest place above the selected one', async () => {
    const { p, id } = await open();
    const { mailbox, parent, nested } = await nestedFolder(p, id);
    const tree = await screen.findByRole('tree', { name: 'Places' }, { timeout: 40_000 });
    expect(tabStops(tree)).toEqual([mailbox.name]);

    const mailboxItem = within(tree).getByRole('treeitem', { name: mailbox.name });
    mailboxItem.focus();
    key(mailboxItem, 'ArrowRight');
    const parentItem = await within(tree).findByRole('treeitem', { name: parent.name }, { timeout: 40_000 });
    parentItem.focus();
    key(parentItem, 'ArrowRight');
    const nestedItem = await within(tree).findByRole('treeitem', { name: nested.name }, { timeout: 40_000 });
    nestedItem.focus();
    key(nestedItem, 'Enter');
    await waitFor(() => expect(nestedItem.getAttribute('aria-selected')).toBe('true'));
    expect(tabStops(tree)).toEqual([nested.name]);

    // ArrowLeft: focus to the folder above; ArrowLeft again: it closes, hiding the selected folder.
    key(nestedItem, 'ArrowLeft');
    expect(document.activeElement).toBe(parentItem);
    key(parentItem, 'ArrowLeft');
    expect(parentItem.getAttribute('aria-expanded')).toBe('false');
    expect(within(tree).queryByRole('treeitem', { name: nested.name })).toBeNull();
    parentItem.blur();
    expect(tabStops(tree)).toEqual([parent.name]);

    // The mailbox closed by its twisty (a click that moves no focus here): the item focused last is
    // gone from view, so the tab stop is the nearest place in view above the selected folder.
    fireEvent.click(mailboxItem.querySelector('[data-twisty]')!);
    expect(mailboxItem.getAttribute('aria-expanded')).toBe('false');
    expect(tabStops(tree)).toEqual([mailbox.name]);
    // Opened again, the folder above the selected one is open again too: the selected folder is the stop.
    fireEvent.click(mailboxItem.querySelector('[data-twisty]')!);
    await within(tree).findByRole('treeitem', { name: nested.name }, { timeout: 40_000 });
    expect(tabStops(tree)).toEqual([nested.name]);
  }, 120_000);

  test('a deep link to a nested folder makes it the tab stop, and a closed place above it takes over', async () => {
    const { p, id } = await open(async (p, id) => {
      const { nested } = await nestedFolder(p, id);
      return `?folder=${encodeURIComponent(nested.id)}`;
    });
    const { mailbox, nested } = await nestedFolder(p, id);
    const tree = await screen.findByRole('tree', { name: 'Places' }, { timeout: 40_000 });
    await within(tree).findByRole('treeitem', { name: nested.name }, { timeout: 40_000 });
    expect(tabStops(tree)).toEqual([nested.name]);
    const mailboxItem = within(tree).getByRole('treeitem', { name: mailbox.name });
    fireEvent.click(mailboxItem.querySelector('[data-twisty]')!);
    expect(tabStops(tree)).toEqual([mailbox.name]);
  }, 120_000);

  test('a selection changed from outside the tree (Back) makes the selected folder the tab stop again', async () => {
    const { p, id } = await open(async (p, id) => `?folder=${encodeURIComponent((await inboxOf(p, id)).id)}`);
    const inbox = await inboxOf(p, id);
    const tree = await screen.findByRole('tree', { name: 'Places' }, { timeout: 40_000 });
    const inboxItem = await within(tree).findByRole('treeitem', { name: inbox.name }, { timeout: 40_000 });
    expect(tabStops(tree)).toEqual([inbox.name]);

    // Another folder selected from the keyboard: it is the item focused last, and the tab stop.
    inboxItem.focus();
    key(inboxItem, 'ArrowDown');
    const other = document.activeElement as HTMLElement;
    expect(other.getAttribute('role')).toBe('treeitem');
    expect(other).not.toBe(inboxItem);
    key(other, 'Enter');
    await waitFor(() => expect(other.getAttribute('aria-selected')).toBe('true'));
    expect(tabStops(tree)).toEqual([other.getAttribute('aria-label')]);

    // Back: the Inbox is selected again, and Tab into the tree lands on it.
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(inboxItem.getAttribute('aria-selected')).toBe('true'));
    expect(other.getAttribute('aria-selected')).toBe('false');
    expect(tabStops(tree)).toEqual([inbox.name]);
  }, 120_000);

  test('a row scrolled out of the item list while it holds the focus (PageDown, End, Home on its selection box) hands the focus to the row now at its place', async () => {
    await open(async (p, id) => `?folder=${encodeURIComponent((await inboxOf(p, id)).id)}`);
    await waitFor(() => expect(itemRows('Items in Inbox').length).toBeGreaterThan(10), { timeout: 40_000 });
    const list = screen.getByRole('region', { name: /^Items in Inbox, \d+ rows$/ });
    await waitFor(
      () =>
        expect(Number(/(\d+) rows$/.exec(list.getAttribute('aria-label')!)![1])).toBeGreaterThanOrEqual(180),
      {
        timeout: 40_000,
      },
    );
    const focusedRow = () => document.activeElement?.closest('tr')?.getAttribute('aria-rowindex');
    // The selection box of the fourth row (the header row is 1).
    const box = itemRows('Items in Inbox')[3]!.querySelector<HTMLElement>('input[type="checkbox"]')!;
    box.focus();
    expect(focusedRow()).toBe('5');

    // What the browser does for PageDown, End or Home on the box (jsdom does not scroll by itself):
    // the list scrolls, and the rows in view are others.
    const scrollTo = async (row: number, before = document.activeElement as HTMLElement) => {
      key(before, 'PageDown');
      list.scrollTop = row * 40;
      fireEvent.scroll(list);
      await waitFor(() => expect(before.isConnected).toBe(false));
    };
    await scrollTo(30);
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement?.getAttribute('type')).toBe('checkbox');
    // The row 3 below the top of the list, as the focused one was: item 33 (row index 35).
    expect(focusedRow()).toBe('35');
    await scrollTo(150);
    expect(focusedRow()).toBe('155');
    await scrollTo(0);
    expect(focusedRow()).toBe('5');
    expect(document.activeElement?.getAttribute('type')).toBe('checkbox');

    // A focus the person put nowhere (a click on the page) stays nowhere when its row goes.
    const box5 = document.activeElement as HTMLElement;
    box5.blur();
    // The scroll comes in a task of its own, after the click's.
    await new Promise((done) => setTimeout(done, 0));
    await scrollTo(100, box5);
    expect(document.activeElement).toBe(document.body);
  }, 120_000);

  test("closing an item's details gives focus back to the item's link in the list", async () => {
    const { p, id } = await open(async (p, id) => `?folder=${encodeURIComponent((await inboxOf(p, id)).id)}`);
    const inbox = await inboxOf(p, id);
    const item = (await p.listContentItems(id, inbox.id, { offset: 0, limit: 5 })).items[2]!;
    await waitFor(() => expect(itemRows('Items in Inbox').length).toBeGreaterThan(5), { timeout: 40_000 });
    const table = screen.getByRole('table', { name: 'Items in Inbox' });
    const link = within(table).getByRole('link', { name: item.title });
    link.focus();
    fireEvent.click(link);
    const drawer = await screen.findByRole('dialog', { name: item.title }, { timeout: 40_000 });
    await waitFor(() => expect(drawer.contains(document.activeElement)).toBe(true));

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement?.textContent).toBe(item.title);
    expect(table.contains(document.activeElement)).toBe(true);
  }, 120_000);

  test('details opened by a link close onto the item in the list, which nothing had focused', async () => {
    let title = '';
    await open(async (p, id) => {
      const inbox = await inboxOf(p, id);
      const item = (await p.listContentItems(id, inbox.id, { offset: 0, limit: 5 })).items[3]!;
      title = item.title;
      return `?folder=${encodeURIComponent(inbox.id)}&item=${encodeURIComponent(item.id)}`;
    });
    const drawer = await screen.findByRole('dialog', { name: title }, { timeout: 40_000 });
    await waitFor(() => expect(itemRows('Items in Inbox').length).toBeGreaterThan(5), { timeout: 40_000 });
    await waitFor(() => expect(drawer.contains(document.activeElement)).toBe(true));
    fireEvent.click(within(drawer).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const table = screen.getByRole('table', { name: 'Items in Inbox' });
    expect(table.contains(document.activeElement)).toBe(true);
    expect(document.activeElement?.textContent).toBe(title);
  }, 120_000);

  test('closing an action dialog gives focus back to its button, or to the item list when the button cannot take it', async () => {
    const { p, id } = await open(async (p, id) => `?folder=${encodeURIComponent((await inboxOf(p, id)).id)}`);
    const inbox = await inboxOf(p, id);
    const item = (await p.listContentItems(id, inbox.id, { offset: 0, limit: 5 })).items[1]!;
    await waitFor(() => expect(itemRows('Items in Inbox').length).toBeGreaterThan(5), { timeout: 40_000 });
    const box = (
      await screen.findAllByRole('checkbox', { name: `Select ${item.title}` }, { timeout: 40_000 })
    )[0]!;
    fireEvent.click(box);
    const button = screen.getByRole('button', { name: 'Restore to the original mailbox' });
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    button.focus();
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Restore to the original mailbox' });
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(button);

    // Opened again, then the selection cleared behind it (the button is disabled when it closes).
    fireEvent.click(button);
    const again = await screen.findByRole('dialog', { name: 'Restore to the original mailbox' });
    await waitFor(() => expect(again.contains(document.activeElement)).toBe(true));
    fireEvent.click(box);
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(true));
    fireEvent.click(within(again).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const list = screen.getByRole('region', { name: /^Items in Inbox, \d+ rows$/ });
    expect(document.activeElement).toBe(list);
  }, 120_000);
});
