import type { ApiRuntime } from '../../api/runtime';

/**
 * Whether the sign-in page the server renders works without the console's code, and is sent without
 * it (src/server-render.tsx): in console mode, where the browser sends the form to the console server
 * itself, unless a connection signs in each person with their own account (the step after the
 * console's sign-in is the code's). With vendor sign-in only the code can sign in.
 */
export function signInWorksWithoutCode(runtime: ApiRuntime): boolean {
  return runtime.consoleMode !== null && !runtime.connections.some((c) => c.personal);
}
