import { useEffect, useState } from 'react';
import type { ApiRuntime } from '../../api/runtime';
import { startApi } from '../../api/start';

export type ApiBoot =
  | { status: 'loading'; runtime: null; error: null }
  | { status: 'ready'; runtime: ApiRuntime; error: null }
  | { status: 'error'; runtime: null; error: Error };

/**
 * Starts the API module (loads /config.json) before anything that reads data renders. The app shell
 * renders its children only when `status` is 'ready', and shows `error.message` otherwise.
 */
export function useApiBoot(): ApiBoot {
  const [boot, setBoot] = useState<ApiBoot>({ status: 'loading', runtime: null, error: null });
  useEffect(() => {
    let live = true;
    startApi().then(
      (runtime) => live && setBoot({ status: 'ready', runtime, error: null }),
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
