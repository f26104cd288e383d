import { RACKSPACE_ACTION, VEEAM_ACTION } from './command-forms';
import { RACKSPACE_FAULT, RACKSPACE_V2_ERROR, VEEAM_ERROR } from './error-forms';
import type { ApiContract, Operation } from './operations';

/**
 * The operations of each dialect the console calls and the reference service answers, each with the
 * action it is (roles.ts says which role may do it). The service refuses by this table and a test
 * proves that every route it registers has exactly one rule here.
 */

const read = (...paths: string[]): Operation[] =>
  paths.map((path) => ({ method: 'GET', path, action: 'read' }));
/** What a restore session holds is private data: reading it is not `read`. */
const browse = (...paths: string[]): Operation[] =>
  paths.map((path) => ({ method: 'GET', path, action: 'restore-content.browse' }));

/** Rackspace Identity v2.0: the sign-in of both Rackspace dialects. */
export const RACKSPACE_IDENTITY: ApiContract = {
  name: 'rackspace-identity',
  family: /^\/v2\.0(?=\/|$)/i,
  root: /^\/v2\.0/i,
  exampleRoot: '/v2.0',
  caseInsensitive: false,
  errorBody: RACKSPACE_FAULT,
  operations: [
    { method: 'POST', path: '/tokens', action: 'sign-in' },
    // One's own token, or anyone's for an admin: the route itself tells whose token it is.
    { method: 'DELETE', path: '/tokens', action: 'sign-out' },
    { method: 'DELETE', path: '/tokens/{id}', action: 'sign-out' },
  ],
};

/** Cloud Backup v1.0 under `/{region}/v1.0/{tenant}`, region (none = DFW) and tenant both optional. */
export const RACKSPACE_V1: ApiContract = {
  name: 'rackspace-v1',
  family: /^\/([a-z]{3}\/)?v1\.0(?=\/|$)/i,
  root: /^\/(?:([a-z]{3})\/)?v1\.0(?:\/(\d+))?(?=\/|$)/i,
  exampleRoot: '/dfw/v1.0/110011',
  caseInsensitive: false,
  errorBody: RACKSPACE_FAULT,
  commandBody: RACKSPACE_ACTION,
  operations: [
    ...read(
      '/user/agents',
      '/agent/server/{host}',
      '/agent/{id:int}',
      '/agent/logging/{id:int}',
      '/activity',
      '/system/activity/{id:int}',
      '/backup-configuration',
      '/backup-configuration/system/{id:int}',
      '/backup-configuration/{id:int}',
      '/backup/availableforrestore',
      '/backup/completed/{id:int}',
      '/backup/report/{id:int}',
      '/backup/{id:int}',
      '/restore/files/{id:int}',
      '/restore/report/{id:int}',
      '/restore/{id:int}',
    ),
    { method: 'POST', path: '/agent/enable', action: 'enable' },
    { method: 'POST', path: '/user/wakeupagents', action: 'agent.wake' },
    { method: 'POST', path: '/backup-configuration/enable/{id:int}', action: 'enable' },
    // Not called by the console; Rackspace's own SDK does (docs/rackspace-sdk.md).
    { method: 'PUT', path: '/agent/logging', action: 'configure' },
    { method: 'POST', path: '/backup-configuration', action: 'configure' },
    { method: 'PUT', path: '/backup-configuration/{id:int}', action: 'configure' },
    { method: 'DELETE', path: '/backup-configuration/{id:int}', action: 'configure' },
    { method: 'POST', path: '/backup/action-requested', command: 'StartManual', action: 'backup.start' },
    { method: 'POST', path: '/backup/action-requested', command: 'StopManual', action: 'backup.stop' },
    { method: 'PUT', path: '/restore', action: 'restore' },
    { method: 'POST', path: '/restore', action: 'restore' },
    { method: 'POST', path: '/restore/action-requested', command: 'StartManual', action: 'restore' },
    { method: 'POST', path: '/restore/action-requested', command: 'StopManual', action: 'restore' },
    { method: 'PUT', path: '/restore/files', action: 'restore' },
    { method: 'DELETE', path: '/restore/files/{id:int}', action: 'restore' },
  ],
};

/** Cloud Backup v2 under `/{region}/v2/{project_id}` (no region = DFW). */
export const RACKSPACE_V2: ApiContract = {
  name: 'rackspace-v2',
  family: /^\/([a-z]{3}\/)?v2(?=\/|$)/i,
  root: /^\/(?:([a-z]{3})\/)?v2\/([^/]+)(?=\/|$)/i,
  exampleRoot: '/ord/v2/110011',
  caseInsensitive: false,
  errorBody: RACKSPACE_V2_ERROR,
  operations: [
    ...read(
      '/activities',
      '/agents',
      '/agents/{id}',
      '/agents/{id}/status',
      '/agents/{id}/configurations',
      '/agents/{id}/activities',
      '/agents/{id}/events',
      '/configurations',
      '/configurations/{id}',
      '/configurations/{id}/activities',
      '/configurations/{id}/events',
      '/backups',
      '/backups/{id}',
      '/backups/{id}/errors',
      '/backups/{id}/events',
      '/restores',
      '/restores/{id}',
      '/restores/{id}/errors',
      '/restores/{id}/events',
    ),
    { method: 'PATCH', path: '/agents/{id}', action: 'enable' },
    { method: 'PATCH', path: '/configurations/{id}', action: 'enable' },
    { method: 'POST', path: '/backups', action: 'backup.start' },
    { method: 'PATCH', path: '/backups/{id}', action: 'backup.stop' },
    { method: 'POST', path: '/restores', action: 'restore' },
    { method: 'PATCH', path: '/restores/{id}', action: 'restore' },
    // Not called by the console; Rackspace's own SDK does (docs/rackspace-sdk.md).
    { method: 'POST', path: '/events', action: 'agent.wake' },
    { method: 'DELETE', path: '/configurations/{id}', action: 'configure' },
  ],
};

/** Veeam Backup for Microsoft 365 REST v5 under `/v5`, its paths matched without regard to case. */
export const VEEAM_V5: ApiContract = {
  name: 'veeam-v5',
  family: /^\/v5(?=\/|$)/i,
  root: /^\/v5/i,
  exampleRoot: '/v5',
  caseInsensitive: true,
  errorBody: VEEAM_ERROR,
  commandBody: VEEAM_ACTION,
  operations: [
    { method: 'POST', path: '/token', action: 'sign-in' },
    ...read(
      '/organizations',
      '/organizations/{id}',
      '/organizations/{id}/licensinginformation',
      '/organizations/{id}/usedrepositories',
      '/organizations/{id}/users',
      '/organizations/{id}/users/{item}',
      '/organizations/{id}/groups',
      '/organizations/{id}/sites',
      '/organizations/{id}/sites/{item}',
      '/organizations/{id}/jobs',
      '/licensedusers',
      '/backuprepositories',
      '/backuprepositories/{id}',
      '/proxies',
      '/proxies/{id}',
      '/proxies/{id}/repositories',
      '/jobs',
      '/jobs/{id}',
      '/jobs/{id}/selecteditems',
      '/jobs/{id}/excludeditems',
      '/jobs/{id}/jobsessions',
      '/jobsessions',
      '/jobsessions/{id}',
      '/jobsessions/{id}/logitems',
      '/restoresessions',
      '/restoresessions/{id}',
      '/restoresessions/{id}/events',
    ),
    // Everything a restore session holds is private data: browsing it, and acting on any of it.
    ...browse('/restoresessions/{id}/organization', '/restoresessions/{id}/organization/**'),
    {
      method: 'POST',
      path: '/restoresessions/{id}/organization/**/action',
      action: 'restore-content.restore',
    },
    { method: 'POST', path: '/jobs/{id}/action', command: 'enable', action: 'enable' },
    { method: 'POST', path: '/jobs/{id}/action', command: 'disable', action: 'enable' },
    { method: 'POST', path: '/jobs/{id}/action', command: 'start', action: 'backup.start' },
    { method: 'POST', path: '/jobs/{id}/action', command: 'stop', action: 'backup.stop' },
    {
      method: 'POST',
      path: '/jobs/{id}/action',
      command: 'explore',
      action: 'restore-session',
      exampleBody: { explore: { datetime: '2020-04-12 10:54:40.000', type: 'vex' } },
    },
    { method: 'POST', path: '/organizations/{id}/action', action: 'restore-session' },
    { method: 'POST', path: '/restoresessions/{id}/action', action: 'restore-session' },
  ],
};

/** Every API of the built-in dialects. */
export const BUILT_IN_APIS: readonly ApiContract[] = [
  RACKSPACE_IDENTITY,
  RACKSPACE_V1,
  RACKSPACE_V2,
  VEEAM_V5,
];
