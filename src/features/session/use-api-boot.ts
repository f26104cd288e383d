import { useEffect, useState } from 'react';
import type { ApiRuntime } from '../../api/runtime';
import { startApi, startedApi } from '../../api/start';

export type ApiBoot =
  | { status: 'loading'; runtime: null; error: null }
  | { status: 'ready'; runtime: ApiRuntime; error: null }
  | { status: 'error'; runtime: null; error: Error };

/**
 * Starts the API module (loads /config.json) before anything that reads data renders. The app shell
 * renders its children only when `status` is 'ready', and shows `error.message` otherwise.
 */
export function useApiBoot(): ApiBoot {
  // Started before the first render (src/main.tsx): then the first render is the page itself.
  const [boot, setBoot] = useState<ApiBoot>(() => {
    const runtime = startedApi();
    return runtime
      ? { status: 'ready', runtime, error: null }
      : { status: 'loading', runtime: null, error: null };
  });
  useEffect(() => {
    let live = true;
    startApi().then(
      // Already ready from the first render: the same state, so no second render.
      (runtime) =>
        live && setBoot((b) => (b.runtime === runtime ? b : { status: 'ready', runtime, error: null })),
      (error: unknown) =>
        live &&
        setBoot({
          status: 'error',
          runtime: null,
          error: error instanceof Error ? error : new Error(String(error)),
        }),
    );
    return () => {
      live = false;
    };
  }, []);
  return boot;
}
