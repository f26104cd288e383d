import '@mantine/core/styles/Anchor.css';
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Run } from '../../../api/domain';
import { EmptyState } from '../../../components/states';
import { RunProgress } from '../../../components/run-progress';
import { RUN_KIND_LABEL, runHref } from '../../../components/run-links';
import { StatusBadge } from '../../../components/status-badge';

/** Runs with their state and progress (moving as the polls come in while they run). */
export function RunList({
  runs,
  label,
  emptyTitle,
  ariaLabel,
}: {
  runs: Run[];
  label: (connectionId: string) => string;
  emptyTitle: string;
  ariaLabel: string;
}) {
  if (runs.length === 0) return <EmptyState title={emptyTitle} />;
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={ariaLabel}>
      {runs.map((run) => {
        const href = runHref(run);
        return (
          <Paper
            key={`${run.connectionId}:${run.kind}:${run.id}`}
            component="li"
            withBorder
            p="xs"
            data-status={run.state}
          >
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={0} style={{ minWidth: 0 }}>
                {href ? (
                  <Anchor component={Link} to={href} fw={500} size="sm">
                    {run.parentName}
                  </Anchor>
                ) : (
                  <Text fw={500} size="sm">
                    {run.parentName}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {RUN_KIND_LABEL[run.kind]} · {run.machineName ? `${run.machineName} · ` : ''}
                  {label(run.connectionId)}
                </Text>
              </Stack>
              <Group gap="sm" wrap="nowrap">
                <RunProgress run={run} compact />
                <StatusBadge state={run.state} vendorState={run.vendorState} />
              </Group>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
