import { useMemo } from 'react';
import type { Connection } from '../../api/domain';
import { usePageAccess } from '../../components/page-access';
import type { Action, Permission } from '../../lib/can';

type Area = 'jobs' | 'restores' | 'restoreSessions';

export interface AreaAccess {
  /** Signed-in connections whose dialect has this page's data. */
  connections: Connection[];
  /** Role and dialect together, per connection (a person may hold different roles on each). */
  permissionFor: (connectionId: string, action: Action) => Permission;
}

/** The shell's PageAccess narrowed to one area, for the Jobs, Restores and Restore sessions routes. */
export function useAreaAccess(area: Area): AreaAccess {
  const access = usePageAccess();
  return useMemo(
    () => ({
      connections: access.signedIn.filter((c) => access.capabilities(c.id)[area]),
      permissionFor: access.allow,
    }),
    [access, area],
  );
}
