import { useMemo } from 'react';
import { apiRuntime } from '../../api/runtime';
import type { PageAccess } from '../../components/page-access';
import { useSession } from '../../features/session/use-session';
import { permission } from '../../lib/can';

/** Builds the PageAccess of the signed-in person from the session and each dialect's capabilities. */
export function useAccess(): PageAccess {
  const { connections, sessions } = useSession();
  return useMemo(() => {
    const runtime = apiRuntime();
    return {
      connections,
      signedIn: connections.filter((c) => sessions[c.id]),
      allow: (connectionId, action) =>
        permission(sessions[connectionId]?.role, action, runtime.provider(connectionId).capabilities),
      label: (connectionId) => connections.find((c) => c.id === connectionId)?.label ?? connectionId,
      capabilities: (connectionId) => runtime.provider(connectionId).capabilities,
    };
  }, [connections, sessions]);
}
