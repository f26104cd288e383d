import { useMemo } from 'react';
import type { Capabilities, Connection } from '../../api/domain';
import { apiRuntime } from '../../api/runtime';
import type { Action, Permission } from '../../lib/can';
import { permission } from '../../lib/can';
import { useSession } from '../../features/session/use-session';

type Area = 'jobs' | 'restores' | 'restoreSessions';

export interface PageAccess {
  /** Signed-in connections whose dialect has this page's data. */
  connections: Connection[];
  /** Role and dialect together, per connection (a person may hold different roles on each). */
  permissionFor: (connectionId: string, action: Action) => Permission;
}

/**
 * What the Jobs, Restores and Restore sessions pages may show and offer. Features may not import the
 * session feature, so their route files read it here and hand it down.
 */
export function usePageAccess(area: Area): PageAccess {
  const { connections, sessions } = useSession();
  return useMemo(() => {
    const capabilities = (id: string): Capabilities => apiRuntime().provider(id).capabilities;
    return {
      connections: connections.filter((c) => sessions[c.id] && capabilities(c.id)[area]),
      permissionFor: (connectionId, action) =>
        permission(sessions[connectionId]?.role, action, capabilities(connectionId)),
    };
  }, [connections, sessions, area]);
}
