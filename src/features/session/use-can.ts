import type { Action, Permission } from '../../lib/can';
import { permission } from '../../lib/can';
import { apiRuntime } from '../../api/runtime';
import { useRole } from './use-session';

/**
 * May the signed-in person do `action` on this connection? Combines the role with the dialect's
 * capability flags; when refused, `reason` says why (for a disabled button's tooltip).
 */
export function useCan(connectionId: string, action: Action): Permission {
  const role = useRole(connectionId);
  const capabilities = apiRuntime().provider(connectionId).capabilities;
  return permission(role, action, capabilities);
}

/** The capability flags of a connection's dialect (what it can show and do at all). */
export function useCapabilities(connectionId: string) {
  return apiRuntime().provider(connectionId).capabilities;
}
