/**
 * Who may do what: a copy of the service's matrix (server/identity/roles.ts, the authority, which
 * answers 403 on its own). The console uses it to offer only what a role may do. lib/ imports nothing
 * from api/, so the role and capability shapes are restated here structurally.
 */
export type Role = 'viewer' | 'support' | 'admin';

export type Action =
  | 'read'
  | 'backup.start'
  | 'backup.stop'
  /** Enable or disable a configuration, a job or an agent. */
  | 'enable'
  /** Create, start and stop restores. */
  | 'restore'
  /** Open (explore) and stop Veeam restore sessions. */
  | 'restore-session'
  /** Browse what a Veeam restore session holds (mail, files, sites, teams): private data. */
  | 'restore-content.browse'
  /** Restore, save, export or send items of a Veeam restore session. */
  | 'restore-content.restore'
  | 'agent.wake';

const allowed: Record<Role, ReadonlySet<Action>> = {
  viewer: new Set<Action>(['read']),
  support: new Set<Action>([
    'read',
    'backup.start',
    'restore',
    'restore-session',
    'restore-content.browse',
    'restore-content.restore',
    'agent.wake',
  ]),
  admin: new Set<Action>([
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

/** Pure: may this role do this action? An unknown or missing role may only read. */
export function can(role: Role | null | undefined, action: Action): boolean {
  if (!role) return false;
  return allowed[role].has(action);
}

/** The capability flags of a dialect that gate each action (api/domain.ts Capabilities). */
export interface CapabilityFlags {
  startBackup: boolean;
  stopBackup: boolean;
  enableDisable: boolean;
  restores: boolean;
  restoreSessions: boolean;
  restoreSessionContent: boolean;
  wakeAgents: boolean;
}

const capabilityOf: Record<Exclude<Action, 'read'>, keyof CapabilityFlags> = {
  'backup.start': 'startBackup',
  'backup.stop': 'stopBackup',
  enable: 'enableDisable',
  restore: 'restores',
  'restore-session': 'restoreSessions',
  'restore-content.browse': 'restoreSessionContent',
  'restore-content.restore': 'restoreSessionContent',
  'agent.wake': 'wakeAgents',
};

const describe: Record<Action, string> = {
  read: 'read backup data',
  'backup.start': 'start a backup',
  'backup.stop': 'stop a backup',
  enable: 'enable or disable',
  restore: 'create, start or stop a restore',
  'restore-session': 'open or stop a restore session',
  'restore-content.browse': 'browse the backed-up content of a restore session',
  'restore-content.restore': 'restore, save or send backed-up items',
  'agent.wake': 'wake agents',
};

export type Permission = { allowed: true; reason: null } | { allowed: false; reason: string };

/**
 * Role and dialect together, with the reason when refused (for a disabled button's tooltip).
 * `role` null means signed out of that connection.
 */
export function permission(
  role: Role | null | undefined,
  action: Action,
  capabilities: CapabilityFlags | null | undefined,
): Permission {
  if (!role) return { allowed: false, reason: 'Sign in to this connection first.' };
  if (action !== 'read' && capabilities && !capabilities[capabilityOf[action]])
    return { allowed: false, reason: `This connection cannot ${describe[action]}.` };
  if (!can(role, action)) {
    const needs = action === 'backup.stop' || action === 'enable' ? 'admin' : 'support or admin';
    return {
      allowed: false,
      reason: `Your role (${role}) may not ${describe[action]}; this needs the ${needs} role.`,
    };
  }
  return { allowed: true, reason: null };
}
