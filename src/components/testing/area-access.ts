/* Tests only: the props the Jobs, Restores and Restore sessions routes hand their pages. */
import type { ListArea } from '../../api/capabilities';
import { hasArea } from '../../api/capabilities';
import type { Connection } from '../../api/domain';
import type { Action, Permission } from '../../lib/can';
import type { PageAccess } from '../page-access';

/** As app/routes/jobs-access.ts narrows the shell's PageAccess: signed-in connections with the area's data. */
export function areaAccess(
  access: PageAccess,
  area: ListArea,
): { connections: Connection[]; permissionFor: (connectionId: string, action: Action) => Permission } {
  return {
    connections: access.signedIn.filter((c) => hasArea(access.capabilities(c.id), area)),
    permissionFor: access.allow,
  };
}
