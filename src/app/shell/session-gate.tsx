import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { apiRuntime } from '../../api/runtime';
import { useSession } from '../../features/session/use-session';

/**
 * Connections whose expiry the person has seen and chose to continue without (the sign-in page's
 * "Continue" when one connection still refuses). Without this the gate would bounce them back.
 */
let acknowledged = new Set<string>();

export function acknowledgeExpired(): void {
  acknowledged = new Set(apiRuntime().session.getSnapshot().expired);
}

/**
 * The person signed out on purpose: the sign-in page then keeps no `?next=`, or the next person to sign
 * in at this screen would land on the previous person's page.
 */
let signedOutOnPurpose = false;

export function signedOut(): void {
  signedOutOnPurpose = true;
}

export function signedIn(): void {
  signedOutOnPurpose = false;
}

/** Only a path inside the console: never another origin (`//evil`) and never the sign-in page. */
export function safeNext(raw: string | null): string {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.startsWith('/sign-in')) return '/';
  return raw;
}

/**
 * Signed-in pages only: with no session, or when a token expired (a 401 on any call, a poll
 * included), the person goes to sign in and comes back to this very page afterwards.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const freshlyExpired = session.expired.filter((id) => !acknowledged.has(id));
  if (session.anySignedIn && freshlyExpired.length === 0) return children;
  if (signedOutOnPurpose) return <Navigate to="/sign-in" replace />;
  const params = new URLSearchParams({ next: `${location.pathname}${location.search}` });
  if (session.expired.length > 0) params.set('reason', 'expired');
  return <Navigate to={`/sign-in?${params.toString()}`} replace />;
}
