import { useEffect, useState } from 'react';

/** What `useLoadedOnInteraction` has so far: the loaded value, or whether its last attempt failed. */
export interface LoadedOnInteraction<T> {
  value: T | null;
  /** The last attempt failed (the console was updated and the old file is gone, or the network dropped). */
  failed: boolean;
}

const EVENTS = ['pointerdown', 'keydown'] as const;

/**
 * Calls `load` (a module-level function, so the same one on every render) at the person's first key or
 * pointer press and answers what it gave. An attempt that fails is made again at their next press,
 * with a new call: a failed dynamic import must not be kept for the life of the tab, as React's `lazy`
 * keeps it (and throws it into the render, where nothing above could catch it and the whole page went
 * blank).
 */
export function useLoadedOnInteraction<T>(load: () => Promise<T>): LoadedOnInteraction<T> {
  const [loaded, setLoaded] = useState<{ value: T } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    let loading = false;
    const attempt = () => {
      if (loading) return;
      loading = true;
      load().then(
        (value) => {
          if (!live) return;
          setLoaded({ value });
          setFailed(false);
        },
        (error: unknown) => {
          loading = false;
          if (!live) return;
          console.warn('Could not load part of the console; trying again at the next action:', error);
          setFailed(true);
        },
      );
    };
    for (const e of EVENTS) window.addEventListener(e, attempt, { capture: true, passive: true });
    return () => {
      live = false;
      for (const e of EVENTS) window.removeEventListener(e, attempt, { capture: true });
    };
  }, [load, loaded]);
  return { value: loaded ? loaded.value : null, failed };
}
