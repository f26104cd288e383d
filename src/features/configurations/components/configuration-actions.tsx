import { Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { BackupTarget } from '../../../api/domain';
import { isInFlight } from '../../../api/domain';
import { ConfirmActionButton } from '../../../components/confirm-action-button';
import { usePageAccess } from '../../../components/page-access';
import type { Action } from '../../../lib/can';
import { useSetEnabled, useStartBackup, useStopBackup } from '../mutations';

/** What the person asked for happened: said once, as the Veeam job commands say it. */
const done = (message: string) => () => notifications.show({ color: 'green', message, autoClose: 4000 });

/** The run in flight of a configuration, as far as its list entry tells. */
export function runningBackupId(c: BackupTarget): string | null {
  if (c.currentRunId) return c.currentRunId;
  return c.lastRun && isInFlight(c.lastRun.state) ? c.lastRun.id : null;
}

/**
 * Start, stop, enable and disable one configuration. Only what the person's role and the dialect
 * allow is offered: a viewer sees none of these buttons, support no stop and no enable/disable.
 */
export const CONFIGURATION_COMMANDS: readonly Action[] = ['backup.start', 'backup.stop', 'enable'];

export function ConfigurationActions(props: ConfigurationActionsProps) {
  const { allow } = usePageAccess();
  const id = props.configuration.connectionId;
  // A person who may do none of these costs a row nothing (no mutation observers).
  if (!CONFIGURATION_COMMANDS.some((a) => allow(id, a).allowed)) return null;
  return <ConfigurationCommands {...props} />;
}

interface ConfigurationActionsProps {
  configuration: BackupTarget;
  size?: 'xs' | 'sm';
  /** The run in flight as a fresher source (the configuration page's history) tells it. */
  runningId?: string | null;
}

function ConfigurationCommands({
  configuration: c,
  size = 'xs',
  runningId = null,
}: ConfigurationActionsProps) {
  const { allow } = usePageAccess();
  const start = useStartBackup();
  const stop = useStopBackup();
  const setEnabled = useSetEnabled();
  const runId = runningId ?? runningBackupId(c);
  const running = runId !== null || (c.lastRun !== null && isInFlight(c.lastRun.state));
  const target = { connectionId: c.connectionId, targetId: c.id };
  const name = c.name;

  const canStart = allow(c.connectionId, 'backup.start').allowed;
  const canStop = allow(c.connectionId, 'backup.stop').allowed;
  const canEnable = allow(c.connectionId, 'enable').allowed;

  return (
    <Group gap={6} wrap="nowrap">
      {canStart && !running && (
        <ConfirmActionButton
          size={size}
          variant="light"
          aria-label={`Start a backup of ${name}`}
          pending={start.isPending}
          onAction={() => start.mutateAsync(target).then(done(`A backup of ${name} started.`))}
          disabledReason={c.enabled ? undefined : 'The configuration is disabled; enable it first.'}
        >
          Start
        </ConfirmActionButton>
      )}
      {canStop && running && (
        <ConfirmActionButton
          size={size}
          variant="light"
          color="red"
          aria-label={`Stop the backup of ${name}`}
          pending={stop.isPending}
          onAction={() =>
            stop.mutateAsync({ ...target, runId }).then(done(`The backup of ${name} is stopping.`))
          }
          confirm={{
            title: 'Stop this backup?',
            message: `The backup of ${name} stops where it is; what it has not copied yet is not in the vault.`,
            confirmLabel: 'Stop backup',
          }}
        >
          Stop
        </ConfirmActionButton>
      )}
      {canEnable &&
        (c.enabled ? (
          <ConfirmActionButton
            size={size}
            variant="subtle"
            color="orange"
            aria-label={`Disable ${name}`}
            pending={setEnabled.isPending}
            onAction={() =>
              setEnabled.mutateAsync({ ...target, enabled: false }).then(done(`${name} disabled.`))
            }
            confirm={{
              title: 'Disable this configuration?',
              message: `${name} stops running on its schedule until it is enabled again.`,
              confirmLabel: 'Disable',
            }}
          >
            Disable
          </ConfirmActionButton>
        ) : (
          <ConfirmActionButton
            size={size}
            variant="subtle"
            aria-label={`Enable ${name}`}
            pending={setEnabled.isPending}
            onAction={() =>
              setEnabled.mutateAsync({ ...target, enabled: true }).then(done(`${name} enabled.`))
            }
          >
            Enable
          </ConfirmActionButton>
        ))}
    </Group>
  );
}
