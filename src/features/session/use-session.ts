import { useSyncExternalStore } from 'react';
import type { Connection, Role } from '../../api/domain';
import { apiRuntime } from '../../api/runtime';
import type { ConnectionSession } from '../../api/session-store';

export interface SessionView {
  connections: readonly Connection[];
  /** Signed-in connections by id (never shows a token to the UI: use the fields it needs). */
  sessions: Readonly<Record<string, ConnectionSession>>;
  /** Connections whose session expired or was refused (401): send the person to sign in and back. */
  expired: readonly string[];
  isSignedIn: (connectionId: string) => boolean;
  /** Signed in to at least one connection. */
  anySignedIn: boolean;
}

/**
 * The signed-in state of every connection; re-renders when it changes (sign-in, 401, sign-out). On the
 * server (src/server-render.tsx) its runtime's: signed out.
 */
export function useSession(): SessionView {
  const runtime = apiRuntime();
  const snapshot = useSyncExternalStore(
    runtime.session.subscribe,
    runtime.session.getSnapshot,
    runtime.session.getSnapshot,
  );
  return {
    connections: runtime.connections,
    sessions: snapshot.sessions,
    expired: snapshot.expired,
    isSignedIn: (id) => Boolean(snapshot.sessions[id]),
    anySignedIn: Object.keys(snapshot.sessions).length > 0,
  };
}

/** The person's role on one connection; null when signed out of it. */
export function useRole(connectionId: string): Role | null {
  const runtime = apiRuntime();
  const snapshot = useSyncExternalStore(
    runtime.session.subscribe,
    runtime.session.getSnapshot,
    runtime.session.getSnapshot,
  );
  return snapshot.sessions[connectionId]?.role ?? null;
}
