import type { Role } from './domain';

/**
 * The signed-in state per connection, kept per browser tab (sessionStorage: it dies with the tab and is
 * not shared with other tabs) and in memory. Tokens never go into a URL, a query key or a log line.
 */
export interface ConnectionSession {
  connectionId: string;
  username: string;
  role: Role;
  token: string;
  /** ISO times the token was issued and expires. */
  issuedAt: string;
  expiresAt: string;
  /** Rackspace: the API root from the service catalog, made same-origin. Veeam: the config's baseUrl. */
  baseUrl: string;
  tenantId: string | null;
  /** Veeam: the refresh token and its end, used shortly before the access token expires. */
  refreshToken: string | null;
}

export interface SessionSnapshot {
  sessions: Readonly<Record<string, ConnectionSession>>;
  /** Connections whose token was refused (401) or expired since sign-in: the UI asks to sign in again. */
  expired: readonly string[];
}

const STORAGE_KEY = 'backup-console.session';

export class SessionStore {
  private snapshot: SessionSnapshot = { sessions: {}, expired: [] };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null) {
    const raw = storage?.getItem(STORAGE_KEY);
    if (raw) {
      try {
        const saved = JSON.parse(raw) as SessionSnapshot;
        if (saved && typeof saved.sessions === 'object')
          this.snapshot = { sessions: saved.sessions, expired: saved.expired ?? [] };
      } catch {
        storage?.removeItem(STORAGE_KEY); // a damaged entry: start signed out
      }
    }
  }

  /** For useSyncExternalStore: a new object on every change, the same one otherwise. */
  getSnapshot = (): SessionSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get(connectionId: string): ConnectionSession | undefined {
    return this.snapshot.sessions[connectionId];
  }

  set(session: ConnectionSession): void {
    const sessions = { ...this.snapshot.sessions, [session.connectionId]: session };
    this.update({ sessions, expired: this.snapshot.expired.filter((id) => id !== session.connectionId) });
  }

  /** A 401 or an expired token: forget the token, remember that it expired. */
  markExpired(connectionId: string): void {
    if (!this.snapshot.sessions[connectionId]) return;
    const { [connectionId]: _gone, ...sessions } = this.snapshot.sessions;
    const expired = this.snapshot.expired.includes(connectionId)
      ? this.snapshot.expired
      : [...this.snapshot.expired, connectionId];
    this.update({ sessions, expired });
  }

  /** Signing out clears everything, the expired marks included. */
  clear(): void {
    this.update({ sessions: {}, expired: [] });
  }

  private update(next: SessionSnapshot): void {
    this.snapshot = next;
    if (next.expired.length === 0 && Object.keys(next.sessions).length === 0)
      this.storage?.removeItem(STORAGE_KEY);
    else this.storage?.setItem(STORAGE_KEY, JSON.stringify(next));
    for (const listener of this.listeners) listener();
  }
}
