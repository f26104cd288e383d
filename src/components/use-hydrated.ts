import { useSyncExternalStore } from 'react';

const never = () => () => undefined;

/**
 * False while a page the server rendered is still only HTML (on the server, and in the browser's render
 * that takes it over), true from then on and in every render the browser makes itself: what needs the
 * code to work (a form's submit) waits for it instead of doing what bare HTML would.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
