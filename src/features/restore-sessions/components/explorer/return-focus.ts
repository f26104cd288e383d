import { useEffect, useLayoutEffect, useRef } from 'react';
import { useStableCallback } from '../../../../components/use-stable-callback';

/**
 * Gives focus back when a dialog or drawer that is unmounted to close it goes: to what had focus when
 * it opened (the link or button that opened it), else to `fallback()` when that is gone or can no
 * longer take focus (a row the list no longer renders, a button disabled since). Mantine's own
 * `returnFocus` answers only a change of `opened` on a modal that stays mounted, so these dialogs
 * left focus on <body> and the next Tab went to the page's first link.
 *
 * Only a focus the dialog took with it is given back: when something else has focus by then, it
 * stays there.
 */
export function useReturnFocus(fallback: () => HTMLElement | null | undefined): void {
  const elsewhere = useStableCallback(fallback);
  const openedFrom = useRef<Element | null>(null);
  // Mantine moves focus into the dialog a task after it mounts; this runs in the mount's commit.
  useLayoutEffect(() => {
    openedFrom.current = document.activeElement;
  }, []);
  useEffect(() => {
    const opener = openedFrom.current;
    return () => {
      // By now the dialog has left the document, and with it the focus, when it had it.
      const active = document.activeElement;
      if (active !== null && active !== document.body) return;
      if (opener instanceof HTMLElement && opener !== document.body && opener.isConnected) {
        opener.focus({ preventScroll: true });
        if (document.activeElement === opener) return;
      }
      elsewhere()?.focus({ preventScroll: true });
    };
  }, [elsewhere]);
}

/** The scrolling box of the item list (a region that takes focus), inside `root`. */
export function itemListIn(root: ParentNode | null | undefined): HTMLElement | null {
  const table = root?.querySelector('table[aria-label^="Items in "]');
  return table?.closest<HTMLElement>('[role="region"][tabindex]') ?? null;
}

/** The link that opens item `itemId`'s details in the item list inside `root`, when it is rendered. */
export function itemLinkIn(root: ParentNode | null | undefined, itemId: string): HTMLElement | null {
  const links = root?.querySelectorAll<HTMLAnchorElement>('table[aria-label^="Items in "] a[href]') ?? [];
  for (const a of links) {
    if (new URL(a.href, document.baseURI).searchParams.get('item') === itemId) return a;
  }
  return null;
}
