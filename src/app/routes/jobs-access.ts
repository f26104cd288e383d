import { useMemo } from 'react';
import type { ListArea } from '../../api/capabilities';
import { hasArea } from '../../api/capabilities';
import type { Connection } from '../../api/domain';
import { usePageAccess } from '../../components/page-access';
import type { Action, Permission } from '../../lib/can';

export interface AreaAccess {
  /** Signed-in connections whose dialect has this page's data. */
  connections: Connection[];
  /** Role and dialect together, per connection (a person may hold different roles on each). */
  permissionFor: (connectionId: string, action: Action) => Permission;
}

/** The shell's PageAccess narrowed to one area, for the Jobs, Restores and Restore sessions routes. */
export function useAreaAccess(area: ListArea): AreaAccess {
  const access = usePageAccess();
  return useMemo(
    () => ({
      connections: access.signedIn.filter((c) => hasArea(access.capabilities(c.id), area)),
      permissionFor: access.allow,
    }),
    [access, area],
  );
}
