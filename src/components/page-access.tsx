import type { ReactNode } from 'react';
import { createContext, use } from 'react';
import type { Capabilities } from '../api/capabilities';
import type { Connection } from '../api/domain';
import type { Action, Permission } from '../lib/can';

/**
 * What the signed-in person may see and do, handed to every page by the shell. Pages read it here
 * instead of from the session feature, because one feature may not import another.
 */
export interface PageAccess {
  /** Every configured connection. */
  connections: readonly Connection[];
  /** The connections signed in to: the ones pages read from. */
  signedIn: readonly Connection[];
  /** Role and dialect together; `reason` says why not. */
  allow: (connectionId: string, action: Action) => Permission;
  label: (connectionId: string) => string;
  /** What the connection's dialect can show and do at all. */
  capabilities: (connectionId: string) => Capabilities;
}

const PageAccessContext = createContext<PageAccess | null>(null);

export function PageAccessProvider({ value, children }: { value: PageAccess; children: ReactNode }) {
  return <PageAccessContext value={value}>{children}</PageAccessContext>;
}

export function usePageAccess(): PageAccess {
  const access = use(PageAccessContext);
  if (!access) throw new Error('usePageAccess() needs a PageAccessProvider (the app shell sets one).');
  return access;
}

/**
 * Whether the person may do any of `actions` on any of `connections`: a list shows its Actions column
 * only then (a viewer's list has no empty column of buttons it may not press).
 */
export function mayDoAny(
  connections: readonly Connection[],
  permissionFor: (connectionId: string, action: Action) => Permission,
  actions: readonly Action[],
): boolean {
  return connections.some((c) => actions.some((a) => permissionFor(c.id, a).allowed));
}
