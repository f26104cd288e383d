import type { HeldConnection } from './forward';

/**
 * Each held connection checked ahead of requests (issue 13 item 3): at start and then every
 * CONSOLE_HEALTH_CHECK_SECONDS, the server opens every connection it holds — signing in where it has
 * no token yet and renewing a token about to expire — so that a wrong secret or an identity service
 * that cannot be reached shows on the Connections page before a person needs the connection, and a
 * person's request never waits for a sign-in. What the vendor answers to forwarded requests goes into
 * the same health (forward.ts). Connections each person signs in to (per-person.ts) are not checked:
 * the server holds no token of its own for them. The checks of one round run one after another; a
 * round never overlaps the next. Returns a function that stops them.
 */
export function startHealthChecks(
  connections: () => readonly HeldConnection[],
  everyS: number,
): { stop(): void; round(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const round = async () => {
    for (const connection of connections()) {
      if (stopped) return;
      // A connection each person signs in to has no token of the server's to check.
      if (connection.personal) continue;
      // A failure is noted by the connection itself (its sign-in's words); the round goes on.
      await connection.open().catch(() => undefined);
    }
  };
  const next = () => {
    if (stopped || everyS <= 0) return;
    timer = setTimeout(() => void round().finally(next), everyS * 1000);
    timer.unref();
  };
  if (everyS > 0) void round().finally(next);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    round,
  };
}
