import '@mantine/core/styles/Button.css';
import type { ButtonProps } from '@mantine/core';
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { BackupTarget } from '../../../api/domain';
import { isInFlight } from '../../../api/domain';
import { ConfirmActionButton } from '../../../components/confirm-action-button';
import type { Action, Permission } from '../../../lib/can';
import { useSetJobEnabled, useStartJob, useStopJob } from '../mutations';

export type PermissionFor = (connectionId: string, action: Action) => Permission;

const done = (message: string) => () => notifications.show({ color: 'green', message, autoClose: 4000 });

interface JobActionsProps {
  job: BackupTarget;
  permissionFor: PermissionFor;
  onExplore?: (job: BackupTarget) => void;
  size?: ButtonProps['size'];
}

export const JOB_COMMANDS: readonly Action[] = ['backup.start', 'backup.stop', 'enable', 'restore-session'];

/**
 * A job's commands, offered only when the person's role and the dialect allow them: start (support),
 * stop and enable/disable (admin; stop and disable ask first), explore (support: opens a restore session).
 * A person who may do none of them costs a row nothing (no mutation observers).
 */
export function JobActions(props: JobActionsProps) {
  const { job, permissionFor } = props;
  if (!JOB_COMMANDS.some((a) => permissionFor(job.connectionId, a).allowed)) return null;
  return <JobCommands {...props} />;
}

function JobCommands({ job, permissionFor, onExplore, size = 'xs' }: JobActionsProps) {
  const start = useStartJob();
  const stop = useStopJob();
  const setEnabled = useSetJobEnabled();
  const may = (action: Action) => permissionFor(job.connectionId, action).allowed;
  const running = job.lastRun !== null && isInFlight(job.lastRun.state);
  const target = { connectionId: job.connectionId, targetId: job.id };

  return (
    <Group gap={6} wrap="nowrap">
      {!running && may('backup.start') && (
        <ConfirmActionButton
          size={size}
          variant="light"
          aria-label={`Start ${job.name}`}
          pending={start.isPending}
          onAction={() => start.mutateAsync(target).then(done(`${job.name} started.`))}
        >
          Start
        </ConfirmActionButton>
      )}
      {running && may('backup.stop') && (
        <ConfirmActionButton
          size={size}
          variant="light"
          color="red"
          aria-label={`Stop ${job.name}`}
          pending={stop.isPending}
          confirm={{
            title: `Stop ${job.name}?`,
            message: 'The running session stops; what it has not processed yet is left for the next run.',
            confirmLabel: 'Stop job',
          }}
          onAction={() => stop.mutateAsync({ ...target, runId: null }).then(done(`${job.name} is stopping.`))}
        >
          Stop
        </ConfirmActionButton>
      )}
      {may('enable') &&
        (job.enabled ? (
          <ConfirmActionButton
            size={size}
            variant="default"
            aria-label={`Disable ${job.name}`}
            pending={setEnabled.isPending}
            confirm={{
              title: `Disable ${job.name}?`,
              message: 'Its schedule stops running it until it is enabled again.',
              confirmLabel: 'Disable job',
            }}
            onAction={() =>
              setEnabled.mutateAsync({ ...target, enabled: false }).then(done(`${job.name} disabled.`))
            }
          >
            Disable
          </ConfirmActionButton>
        ) : (
          <ConfirmActionButton
            size={size}
            variant="default"
            aria-label={`Enable ${job.name}`}
            pending={setEnabled.isPending}
            onAction={() =>
              setEnabled.mutateAsync({ ...target, enabled: true }).then(done(`${job.name} enabled.`))
            }
          >
            Enable
          </ConfirmActionButton>
        ))}
      {onExplore && may('restore-session') && (
        <Button
          size={size}
          variant="subtle"
          aria-label={`Explore ${job.name}`}
          onClick={() => onExplore(job)}
        >
          Explore
        </Button>
      )}
    </Group>
  );
}
