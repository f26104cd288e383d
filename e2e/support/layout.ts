import type { Page } from '@playwright/test';

/**
 * What is wrong with the layout of the page as it is now, in words (an empty list when nothing is):
 * a badge whose text is cut ("RUNNI…"), a table cell whose content runs over its neighbour, a text
 * cut with an ellipsis that no title completes, and, on a narrow screen, a state badge that starts
 * off screen or a page wider than the screen.
 */
export async function layoutFaults(page: Page): Promise<string[]> {
  // Two frames after a resize first: a table hides its optional columns from its box's ResizeObserver,
  // which runs in the frame, before its paint; a script measuring before that frame sees what no one
  // does (the columns of the width before: CI saw it once, on Activity at 390 px).
  await page.evaluate(
    () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))),
      ),
  );
  // After a resize the shell slides its navigation away: measure once those transitions are over.
  // (Only the shell's: a running backup's bar moves on every poll.)
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (a) =>
          !(a instanceof CSSTransition) ||
          a.playState !== 'running' ||
          !(a.effect instanceof KeyframeEffect && a.effect.target?.matches('#main-navigation')),
      ),
  );
  return page.evaluate(() => {
    const faults: string[] = [];
    const text = (e: Element) => (e.textContent ?? '').trim().slice(0, 60);
    const shown = (e: Element) => e.getClientRects().length > 0;
    const screenWidth = document.documentElement.clientWidth;
    const main = document.querySelector('main') ?? document.body;
    for (const badge of main.querySelectorAll('.mantine-Badge-root')) {
      if (!shown(badge)) continue;
      const label = badge.querySelector('.mantine-Badge-label') ?? badge;
      if (label.scrollWidth > label.clientWidth)
        faults.push(`badge "${text(badge)}" is cut (${label.scrollWidth} > ${label.clientWidth} px)`);
      const cell = badge.closest('td');
      if (cell) {
        const b = badge.getBoundingClientRect();
        const c = cell.getBoundingClientRect();
        if (b.right > c.right + 0.5) faults.push(`badge "${text(badge)}" runs out of its cell`);
      }
      if (screenWidth < 600 && badge.closest('tbody') && badge.getBoundingClientRect().right > screenWidth)
        faults.push(
          `badge "${text(badge)}" is off screen (right edge at ${badge.getBoundingClientRect().right} px)`,
        );
    }
    for (const cell of main.querySelectorAll('td')) {
      if (shown(cell) && cell.scrollWidth > cell.clientWidth + 1)
        faults.push(
          `cell "${text(cell)}" runs over its neighbour (${cell.scrollWidth} > ${cell.clientWidth} px)`,
        );
    }
    for (const e of main.querySelectorAll('*')) {
      // Only text can be cut: an element with none (a running bar's moving stripes overflow their
      // bar on purpose, clipped) has nothing to tell.
      if (!shown(e) || e.closest('.mantine-VisuallyHidden-root') || text(e) === '') continue;
      const style = getComputedStyle(e);
      const clips = style.textOverflow === 'ellipsis' || style.overflowX === 'hidden';
      if (clips && e.scrollWidth > e.clientWidth + 1 && !e.closest('[title]'))
        faults.push(`"${text(e)}" is cut with nothing to tell the rest`);
    }
    // The header's controls stay whole on a phone (its bar clips what would run past the screen).
    for (const control of document.querySelectorAll('header a, header button')) {
      const right = control.getBoundingClientRect().right;
      if (shown(control) && right > screenWidth + 0.5)
        faults.push(`the header's "${text(control)}" runs past the screen (right edge at ${right} px)`);
    }
    if (document.documentElement.scrollWidth > screenWidth)
      faults.push(
        `the page is ${document.documentElement.scrollWidth} px wide on a ${screenWidth} px screen`,
      );
    return [...new Set(faults)];
  });
}
