import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Radio.css';
import { Badge, Group, Radio, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { RestorePoint } from '../../../../api/domain';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states';
import { formatDateTime, formatRelative } from '../../../../lib/format';
import { restoreQueries } from '../../queries';

const POINTS_SHOWN = 30;

/** Step two: one of the configuration's restorable backups, newest first. */
export function StepPoint({
  connectionId,
  configurationId,
  point,
  onChoose,
}: {
  connectionId: string;
  configurationId: string;
  point: RestorePoint | null;
  onChoose: (point: RestorePoint) => void;
}) {
  const points = useQuery(restoreQueries.restorePoints(connectionId, configurationId));
  if (points.isPending) return <LoadingState label="Loading restore points" rows={3} />;
  if (points.isError)
    return (
      <ErrorState
        error={points.error}
        onRetry={() => void points.refetch()}
        title="Could not load the restore points"
        // A link that names a configuration the connection does not have: "Configuration not found".
        what="Configuration"
      />
    );
  if (points.data.length === 0)
    return (
      <EmptyState title="No restore point">
        This configuration has no completed backup to restore from yet. Choose another configuration.
      </EmptyState>
    );
  const newest = [...points.data]
    .sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''))
    .slice(0, POINTS_SHOWN);
  // A backup chosen by a link stays in view even when it is older than the newest ones shown.
  const list = point && !newest.some((p) => p.backupId === point.backupId) ? [...newest, point] : newest;
  return (
    <Radio.Group
      label="Restore point"
      description="The backup to restore files from."
      value={point?.backupId ?? null}
      onChange={(id) => {
        const chosen = list.find((p) => p.backupId === id);
        if (chosen) onChoose(chosen);
      }}
    >
      <Stack gap="xs" mt="xs">
        {list.map((p) => (
          <Radio
            key={p.backupId}
            value={p.backupId}
            label={
              <Group gap="xs">
                <Text size="sm">{formatDateTime(p.completedAt)}</Text>
                <Text size="xs" c="dimmed">
                  {formatRelative(p.completedAt)} · {p.machineName} · backup {p.backupId}
                </Text>
                {p.encrypted && (
                  <Badge size="xs" variant="outline" color="grape">
                    Encrypted
                  </Badge>
                )}
              </Group>
            }
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}
