/* Tests only: the props the Jobs, Restores and Restore sessions routes hand their pages. */
import type { Connection } from '../../api/domain';
import type { Action, Permission } from '../../lib/can';
import type { PageAccess } from '../page-access';

type Area = 'jobs' | 'restores' | 'restoreSessions';

/** As app/routes/jobs-access.ts narrows the shell's PageAccess: signed-in connections with the area's data. */
export function areaAccess(
  access: PageAccess,
  area: Area,
): { connections: Connection[]; permissionFor: (connectionId: string, action: Action) => Permission } {
  return {
    connections: access.signedIn.filter((c) => access.capabilities(c.id)[area]),
    permissionFor: access.allow,
  };
}
