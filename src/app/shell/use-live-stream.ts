import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiRuntime } from '../../api/runtime';
import { useSession } from '../../features/session/use-session';

/**
 * Console mode, signed in: this browser's stream of what changed on the connections the console
 * server polls (src/api/live-stream.ts), for as long as the signed-in frame is shown. Sign-out ends it;
 * the server ending the session (`end`) makes the tab ask for its session, which signs it out with
 * the stream's reason.
 */
export function useLiveStream(): void {
  const client = useQueryClient();
  const runtime = apiRuntime();
  const { anySignedIn } = useSession();
  const consoleMode = runtime.consoleMode;
  useEffect(() => {
    if (!consoleMode || !anySignedIn) return;
    // The stream's code (EventSource, Web Locks, BroadcastChannel) loads only here: console mode,
    // signed in. Until it has, the queries poll as they would without it.
    let stop: (() => void) | null = null;
    let cancelled = false;
    void import('../../api/live-stream').then(({ liveStream }) => {
      if (cancelled) return;
      const stream = liveStream(client);
      const url = new URL('stream', new URL(consoleMode.session, window.location.origin));
      stream.start({
        url: url.pathname,
        serverHeld: (connectionId) => runtime.serverPolls(connectionId),
        // The server ended the session (`end`, with its words why), or refused the stream: the
        // session's own answer says whether it has ended. Ended, the sign-in page gives the stream's
        // words: by then the server no longer knows the session, and its answer cannot say why.
        onEnd: (message) => void runtime.resumeConsoleSession(message),
        onRefused: () => void runtime.resumeConsoleSession(),
      });
      stop = () => stream.stop();
    });
    // A tab shown again asks for its session: with the stream, it may send no request for a while, and
    // the cookie may have gone meanwhile (its lifetime, another tab's sign-out) without an `end` here.
    const onShow = () => {
      if (document.visibilityState === 'visible') void runtime.resumeConsoleSession();
    };
    window.addEventListener('visibilitychange', onShow);
    return () => {
      window.removeEventListener('visibilitychange', onShow);
      cancelled = true;
      stop?.();
    };
  }, [client, runtime, consoleMode, anySignedIn]);
}
