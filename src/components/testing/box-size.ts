/* Tests only. */

/**
 * jsdom lays nothing out: every box measures 0 × 0, and a virtual table would show no row. Give
 * boxes the size of a laptop window, so that the rows in view render as in a browser.
 */
export function giveBoxesASize(): void {
  if (typeof HTMLElement === 'undefined') return;
  for (const [name, size] of [
    ['offsetHeight', 800],
    ['offsetWidth', 1280],
    ['clientHeight', 800],
    ['clientWidth', 1280],
  ] as const)
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => size });
}
