/**
 * The User Timing mark set at React's first commit (src/app/app.tsx): the page is React's from then
 * on, rendered in the browser or the server's HTML taken over. Lighthouse lists it (`npm run bench`
 * prints it), as does any browser's performance panel.
 */
export const READY_MARK = 'console:ready';

let resolveReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  resolveReady = resolve;
});

/** Sets READY_MARK, once per page. */
export function markReady(): void {
  if (performance.getEntriesByName(READY_MARK).length === 0) performance.mark(READY_MARK);
  resolveReady();
}

/** Resolves at React's first commit (markReady). */
export function whenReady(): Promise<void> {
  return ready;
}
