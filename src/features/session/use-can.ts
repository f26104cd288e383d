import type { Capabilities } from '../../api/capabilities';
import { apiRuntime } from '../../api/runtime';
import type { Action, Permission } from '../../lib/can';
import { permission } from '../../lib/can';
import { useRole } from './use-session';

/** The capability flags of a connection's dialect; null for a connection the config does not list. */
export function useCapabilities(connectionId: string): Capabilities | null {
  const runtime = apiRuntime();
  if (!runtime.connections.some((c) => c.id === connectionId)) return null;
  return runtime.provider(connectionId).capabilities;
}

/**
 * May the signed-in person do `action` on this connection? Combines the role with the dialect's
 * capability flags; when refused, `reason` says why (for a disabled button's tooltip).
 */
export function useCan(connectionId: string, action: Action): Permission {
  const role = useRole(connectionId);
  const capabilities = useCapabilities(connectionId);
  if (!capabilities) return { allowed: false, reason: `There is no connection "${connectionId}".` };
  return permission(role, action, capabilities);
}
