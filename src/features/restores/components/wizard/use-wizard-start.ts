import { useState } from 'react';
import { toApiError } from '../../../../api/api-error';
import type { Restore, RestoreInput } from '../../../../api/domain';
import { useCreateRestore, useStartRestore } from '../../mutations';

/** A restore the wizard created whose start the service refused, with the service's own words. */
export interface UnstartedRestore {
  restore: Restore;
  message: string;
}

/**
 * The wizard's last step: create, then start. v2 has no drafts, its create starts the restore (with
 * the password). A v1.0 create answers a draft in Creating, started next with the password; when the
 * service refuses that start (a wrong vault password) the draft is kept here, and the next press starts
 * that same draft rather than creating another. The password is passed in per call, never kept.
 */
export function useWizardStart(onStarted: (restore: Restore) => void) {
  const create = useCreateRestore();
  const start = useStartRestore();
  const [unstarted, setUnstarted] = useState<UnstartedRestore | null>(null);

  const startDraft = (restore: Restore, password: string | null) =>
    start.mutate(
      { connectionId: restore.connectionId, restoreId: restore.id, password },
      {
        onSuccess: () => {
          setUnstarted(null);
          onStarted(restore);
        },
        onError: (error) => setUnstarted({ restore, message: toApiError(error).message }),
      },
    );

  const run = (connectionId: string, input: RestoreInput, password: string | null) => {
    if (unstarted) return startDraft(unstarted.restore, password);
    create.mutate(
      { connectionId, input, start: false, password },
      { onSuccess: (restore) => (restore.draft ? startDraft(restore, password) : onStarted(restore)) },
    );
  };

  return {
    run,
    unstarted,
    /** The choices changed: the draft no longer matches them (it stays, startable from its page). */
    forget: () => setUnstarted(null),
    pending: create.isPending || start.isPending,
  };
}
