/**
 * Who may do what: the one role matrix. The service enforces it on every operation (its answers are
 * the authority) and the console reads it to offer only what a role may do. Each action has a least
 * role; a role may do an action when it ranks at least that high.
 */

/** The roles, least first: each may do everything the one before it may. */
export const ROLES = ['viewer', 'support', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'read',
  'backup.start',
  'backup.stop',
  /** Enable or disable a configuration, a job or an agent. */
  'enable',
  /** Create, start, stop and edit restores. */
  'restore',
  /** Open (explore) and stop Veeam restore sessions. */
  'restore-session',
  /** Browse what a Veeam restore session holds (mail, files, sites, teams): private data. */
  'restore-content.browse',
  /** Restore, save, export or send items of a Veeam restore session. */
  'restore-content.restore',
  'agent.wake',
  /** Create, change or delete backup configurations and change an agent's settings (its log level). */
  'configure',
] as const;
export type Action = (typeof ACTIONS)[number];

/** The least role that may do each action. */
export const LEAST_ROLE: Readonly<Record<Action, Role>> = {
  read: 'viewer',
  'backup.start': 'support',
  'backup.stop': 'admin',
  enable: 'admin',
  restore: 'support',
  'restore-session': 'support',
  'restore-content.browse': 'support',
  'restore-content.restore': 'support',
  'agent.wake': 'support',
  configure: 'admin',
};

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

export function roleMay(role: Role, action: Action): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(LEAST_ROLE[action]);
}

/** The roles that may do an action, least first. */
export function rolesFor(action: Action): Role[] {
  return ROLES.filter((r) => roleMay(r, action));
}

/** Each action in words, for refusals and disabled buttons. */
export const ACTION_WORDS: Readonly<Record<Action, string>> = {
  read: 'read backup data',
  'backup.start': 'start a backup',
  'backup.stop': 'stop a backup',
  enable: 'enable or disable configurations, jobs and agents',
  restore: 'create, start or stop a restore',
  'restore-session': 'open or stop a restore session',
  'restore-content.browse': 'browse the backed-up content of a restore session (private data)',
  'restore-content.restore': 'restore, save or send backed-up items',
  'agent.wake': 'wake agents',
  configure: "create, change or delete backup configurations or change an agent's settings",
};

/** Who is refused what, and which role would be allowed: the message of a 403 and of a hidden button. */
export function forbiddenMessage(role: Role, action: Action): string {
  return `Your role (${role}) may not ${ACTION_WORDS[action]}; this needs the ${rolesFor(action).join(' or ')} role.`;
}
