import type { Capabilities } from '../capabilities';
import { RACKSPACE_IDENTITY } from '../contract/apis';
import type { ErrorForm } from '../contract/error-forms';
import type { ApiContract } from '../contract/operations';
import { RACKSPACE_FAULT } from '../contract/error-forms';
import { isRegion, REGIONS } from '../contract/regions';
import type { DialectPlugin } from '../dialect';
import { path } from '../http';
import { sameOrigin } from '../same-origin';
import { roleFromRackspace } from './roles';

/** What is the dialect's own in a Rackspace plug-in; the rest both Rackspace dialects share. */
export interface RackspaceDialect {
  name: string;
  label: string;
  /** The API version the service catalog's `rax:backup` endpoint is picked by. */
  version: 'v1.0' | 'v2';
  capabilities: Capabilities;
  /** Its backup API in the contract (Identity's comes with every Rackspace dialect). */
  api: ApiContract;
  /** Its error forms beyond Identity's faults (which sign-in answers in). */
  errorForms: readonly ErrorForm[];
  loadAdapter: DialectPlugin['loadAdapter'];
  overviewReads: DialectPlugin['overviewReads'];
}

/**
 * A Rackspace Cloud Backup dialect: signs in through Rackspace Identity v2.0 (password or API key,
 * no refresh: the person signs in again), sends the token in `X-Auth-Token`, and is configured with
 * the Identity root and the region whose endpoint it uses.
 */
export function rackspaceDialect(own: RackspaceDialect): DialectPlugin {
  return {
    name: own.name,
    label: own.label,
    capabilities: own.capabilities,
    overviewReads: own.overviewReads,
    apis: [RACKSPACE_IDENTITY, own.api],
    checkConfig(entry) {
      const identityUrl = entry.text(
        'identityUrl',
        'is required: the Rackspace Identity v2.0 root, e.g. "/v2.0"',
      );
      const raw = entry.raw('region');
      const region = typeof raw === 'string' ? raw.toUpperCase() : undefined;
      if (region === undefined || !isRegion(region)) {
        entry.problem('region', `must be one of ${REGIONS.join(', ')}`);
        return undefined;
      }
      return identityUrl === undefined ? undefined : { identityUrl, region };
    },
    signIn: async (http, connection, credentials, origin) =>
      (await import('./sign-in')).signInRackspace(http, connection, credentials, origin, own.version),
    // Identity's `DELETE /v2.0/tokens/{id}`, sent with the token it ends.
    async revoke(http, connection, session, origin) {
      const identityRoot = sameOrigin(connection.identityUrl ?? '/v2.0', origin);
      await http.send({
        method: 'DELETE',
        path: `${identityRoot}${path`/tokens/${session.token}`}`,
        absolute: true,
      });
    },
    authHeader: (token) => ({ name: 'X-Auth-Token', value: token }),
    errorForms: [RACKSPACE_FAULT, ...own.errorForms],
    roleOf: (names) => roleFromRackspace(names),
    loadAdapter: own.loadAdapter,
  };
}
