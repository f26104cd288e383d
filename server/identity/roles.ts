/**
 * The role matrix of PRODUCT.md, enforced by the service on every endpoint. The console keeps its own
 * copy (src/lib/can.ts) to hide what a role may not do; this one is the authority.
 */
export type Role = 'viewer' | 'support' | 'admin';

export type Action =
  | 'read'
  | 'backup.start'
  | 'backup.stop'
  /** Enable or disable a configuration, a job or an agent. */
  | 'enable'
  /** Create, start, stop and edit restores. */
  | 'restore'
  /** Open (explore) and stop Veeam restore sessions. */
  | 'restore-session'
  /** Browse what a Veeam restore session holds (mail, files, sites, teams): private data. */
  | 'restore-content.browse'
  /** Restore, save, export or send items of a Veeam restore session. */
  | 'restore-content.restore'
  | 'agent.wake';

const allowed: Record<Role, ReadonlySet<Action>> = {
  viewer: new Set(['read']),
  support: new Set([
    'read',
    'backup.start',
    'restore',
    'restore-session',
    'restore-content.browse',
    'restore-content.restore',
    'agent.wake',
  ]),
  admin: new Set([
    'read',
    'backup.start',
    'backup.stop',
    'enable',
    'restore',
    'restore-session',
    'restore-content.browse',
    'restore-content.restore',
    'agent.wake',
  ]),
};

export function roleMay(role: Role, action: Action): boolean {
  return allowed[role].has(action);
}

const describe: Record<Action, string> = {
  read: 'read backup data',
  'backup.start': 'start a backup',
  'backup.stop': 'stop a backup',
  enable: 'enable or disable configurations, jobs and agents',
  restore: 'create, start or stop a restore',
  'restore-session': 'open or stop a restore session',
  'restore-content.browse': 'browse the backed-up content of a restore session (private data)',
  'restore-content.restore': 'restore, save or send backed-up items',
  'agent.wake': 'wake agents',
};

/** The message of a 403: who is refused what, and which role would be allowed. */
export function forbiddenMessage(role: Role, action: Action): string {
  const needs = action === 'backup.stop' || action === 'enable' ? 'admin' : 'support or admin';
  return `Your role (${role}) may not ${describe[action]}; this needs the ${needs} role.`;
}

/** Rackspace Identity role names, in the vendor's own form (PRODUCT.md). */
export function rackspaceRoles(role: Role): { id: string; name: string; description: string }[] {
  const names: Record<Role, string[]> = {
    admin: ['identity:user-admin', 'cloudbackup:admin'],
    support: ['identity:default', 'cloudbackup:creator'],
    viewer: ['identity:default', 'cloudbackup:observer'],
  };
  return names[role].map((name, i) => ({
    id: String(i === 0 ? 3 : 10000150 + ['viewer', 'support', 'admin'].indexOf(role)),
    name,
    description: name.startsWith('cloudbackup:')
      ? `Cloud Backup ${name.split(':')[1]} role`
      : 'Identity role',
  }));
}
