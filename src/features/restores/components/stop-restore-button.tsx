import { notifications } from '@mantine/notifications';
import type { Restore } from '../../../api/domain';
import { ConfirmActionButton } from '../../../components/confirm-action-button';
import { useStopRestore } from '../mutations';

/** Stops a running restore, after asking: files already written stay, the rest is not restored. */
export function StopRestoreButton({ restore, size = 'xs' }: { restore: Restore; size?: 'xs' | 'sm' }) {
  const stop = useStopRestore();
  const name = restore.parentName || `restore ${restore.id}`;
  return (
    <ConfirmActionButton
      size={size}
      variant="light"
      color="red"
      aria-label={`Stop restore of ${name}`}
      pending={stop.isPending}
      confirm={{
        title: 'Stop the restore?',
        message: `The restore of ${name} stops. Files it has written stay; the rest is not restored.`,
        confirmLabel: 'Stop restore',
      }}
      onAction={() =>
        stop
          .mutateAsync({ connectionId: restore.connectionId, restoreId: restore.id })
          .then(() =>
            notifications.show({ color: 'green', message: 'The restore is stopping.', autoClose: 4000 }),
          )
      }
    >
      Stop
    </ConfirmActionButton>
  );
}
