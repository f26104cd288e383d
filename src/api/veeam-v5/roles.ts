import { isRole } from '../contract/roles';
import type { Role } from '../domain';

/**
 * The role of a Veeam session. A v5 token answer carries no role; the reference service adds one, as
 * may a proxy in front of a real server, and a stated role always wins. Without one, the grant tells:
 * the console signs in with `grant_type=password`, which Veeam's REST reference presents as the
 * administrators' sign-in ("to perform all tasks"); restore operators get their tokens through an
 * Entra ID assertion, a grant the console does not use. So an unstated role is `admin`: it offers
 * what that administrator may do and hides nothing from them. `support` would be wrong both ways: it
 * hides stop, enable and disable from an administrator, and still offers a restore-only user the
 * start of a job, which Veeam refuses. Should a restore-only user get a password token anyway (a
 * tenant with basic authentication), the service refuses with 403 and the console shows its
 * message. A refresh renews the same person's session, so without a stated role it keeps its role.
 */
export function roleFromVeeam(stated: string | undefined, renewing: Role | null): Role {
  // A role stated in words the console does not know grants nothing beyond reading.
  if (stated !== undefined) return isRole(stated) ? stated : 'viewer';
  return renewing ?? 'admin';
}
