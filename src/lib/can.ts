/**
 * Who may do what, as the console offers it: the role matrix of the contract (api/contract/roles.ts,
 * the one the service enforces and answers 403 by) together with what a connection's dialect can do.
 */
import type { Action, Role } from '../api/contract/roles';
import { ACTION_WORDS, forbiddenMessage, roleMay } from '../api/contract/roles';

export type { Action, Role } from '../api/contract/roles';

/** Pure: may this role do this action? Signed out (no role) may do nothing. */
export function can(role: Role | null | undefined, action: Action): boolean {
  if (!role) return false;
  return roleMay(role, action);
}

/** The capability flags of a dialect that gate each action (api/capabilities.ts Capabilities). */
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
  // The console offers no editing of configurations or agents; only other clients of the service do.
  configure: 'enableDisable',
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
    return { allowed: false, reason: `This connection cannot ${ACTION_WORDS[action]}.` };
  if (!can(role, action)) return { allowed: false, reason: forbiddenMessage(role, action) };
  return { allowed: true, reason: null };
}
