import type { RefCallback } from 'react';
import { useCallback } from 'react';
import { itemListIn } from './return-focus';

/** What in a row of the item list can take focus: its selection box, its link. */
const FOCUSABLE = 'input:not(:disabled), a[href], button:not(:disabled), [tabindex]:not([tabindex="-1"])';

/** How long the list is still (ms) before a scroll counts as ended. */
const SETTLE_MS = 150;

/** A rendered row's place in the whole list (0 for the first item; the header row is 1). */
const indexOf = (row: HTMLTableRowElement) => Number(row.getAttribute('aria-rowindex')) - 2;

/**
 * The rendered row to move the focus to: the one `place` rows below the top of the box (where the
 * focused one was), or the nearest to it that is wholly in view (below the sticky header).
 */
function rowAt(list: HTMLElement, rowHeight: number, place: number): HTMLTableRowElement | null {
  const rows = [...list.querySelectorAll<HTMLTableRowElement>('tbody tr[aria-rowindex]')];
  const box = list.getBoundingClientRect();
  const top = box.top + (list.querySelector('thead')?.getBoundingClientRect().height ?? 0);
  const inView = rows.filter((row) => {
    const r = row.getBoundingClientRect();
    return r.top >= top - 1 && r.bottom <= box.bottom + 1;
  });
  const want = Math.round(list.scrollTop / rowHeight + place);
  let best: HTMLTableRowElement | null = null;
  for (const row of inView.length > 0 ? inView : rows) {
    if (!best || Math.abs(indexOf(row) - want) < Math.abs(indexOf(best) - want)) best = row;
  }
  return best;
}

/**
 * Keeps the keyboard focus in the item list inside the element given the returned ref, when the list
 * scrolls the row that holds it out of view. The list renders only the rows in view and a few more,
 * so PageDown, End, Home or the arrows on a row's selection box (the browser scrolls the list for
 * them), or the wheel, took that row out of the document, the focus fell to <body> and the next Tab
 * started again at the top of the page. As in a file manager's list, the focus moves instead to the row now at the place on
 * screen where the focused one was, to the same control in it (the selection box, the link): PageDown
 * moves it a screenful, End to the rows at the end, Home back to the top.
 *
 * Only a focus the list lost with its row is moved: when the person has put it elsewhere, or nowhere
 * (a click on the page), it stays there.
 */
export function useListFocusKept(rowHeight: number): RefCallback<HTMLElement> {
  return useCallback((root: HTMLElement) => keepListFocus(root, rowHeight), [rowHeight]);
}

/** Sets up useListFocusKept's work on `root`; returns what undoes it. */
function keepListFocus(root: HTMLElement, rowHeight: number): () => void {
  // The focused control in a row, its column, and its row's place below the top of the box (in rows);
  // `moved`: this code moved the focus there during the scroll still going on.
  let held: { el: HTMLElement; column: number; place: number; moved: boolean } | null = null;
  // The place kept while this code moves the focus (its focusin must not take the new row's).
  let moving: number | null = null;
  const moveTo = (row: HTMLTableRowElement | null, list: HTMLElement, column: number, place: number) => {
    const to =
      row?.cells[column]?.querySelector<HTMLElement>(FOCUSABLE) ??
      row?.querySelector<HTMLElement>(FOCUSABLE) ??
      list;
    moving = place;
    // Not scrolled to: that would cut short a smooth scroll still going on.
    to.focus({ preventScroll: true });
    moving = null;
    // Focus on the list itself (no row is left) is not a row's: nothing is held any more.
    if (to === list) drop();
  };
  function drop() {
    held = null;
    observer.disconnect();
  }
  const observer = new MutationObserver(() => {
    if (!held || held.el.isConnected) return;
    const active = document.activeElement;
    const list = itemListIn(root);
    if ((active !== null && active !== document.body) || !list) return drop();
    moveTo(rowAt(list, rowHeight, held.place), list, held.column, held.place);
    waitForStill();
  });
  // A smooth scroll (PageDown's, End's) takes the row away before it ends: once the list has been
  // still for a moment, the focus goes on to the row at the place where the person's focus was.
  let settle: ReturnType<typeof setTimeout> | undefined;
  const settled = () => {
    const list = itemListIn(root);
    if (!held?.moved || !list) return;
    held.moved = false;
    const row = rowAt(list, rowHeight, held.place);
    if (!row || row.contains(held.el)) return;
    moveTo(row, list, held.column, held.place);
    if (held) held.moved = false;
  };
  function waitForStill() {
    if (!held?.moved) return;
    clearTimeout(settle);
    settle = setTimeout(settled, SETTLE_MS);
  }
  const onFocusIn = (e: FocusEvent) => {
    const el = e.target as HTMLElement;
    const list = itemListIn(root);
    const row = el.closest<HTMLTableRowElement>('tbody tr[aria-rowindex]');
    if (!list || !row || !list.contains(row)) return drop();
    const column = el.closest('td')?.cellIndex ?? 0;
    held =
      moving === null
        ? { el, column, place: indexOf(row) - list.scrollTop / rowHeight, moved: false }
        : { el, column, place: moving, moved: true };
    observer.observe(list, { childList: true, subtree: true });
  };
  const onFocusOut = (e: FocusEvent) => {
    const el = held?.el;
    if (e.target !== el) return;
    const to = e.relatedTarget;
    // To another element: inside, its focusin takes over; outside, the list has let the focus go.
    if (to instanceof Node) {
      if (!root.contains(to)) drop();
      return;
    }
    // To nothing: the row left the document (kept), or the person put the focus nowhere (let go).
    queueMicrotask(() => {
      if (held?.el === el && el.isConnected && document.activeElement !== el) drop();
    });
  };
  root.addEventListener('focusin', onFocusIn);
  root.addEventListener('focusout', onFocusOut);
  // The list's own scroll does not bubble: it is caught on its way down.
  root.addEventListener('scroll', waitForStill, true);
  return () => {
    root.removeEventListener('focusin', onFocusIn);
    root.removeEventListener('focusout', onFocusOut);
    root.removeEventListener('scroll', waitForStill, true);
    clearTimeout(settle);
    observer.disconnect();
  };
}
