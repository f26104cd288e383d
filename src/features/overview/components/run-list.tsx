import '@mantine/core/styles/Anchor.css';
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import { Link } from 'react-router';
import type { Run } from '../../../api/domain';
import { isInFlight } from '../../../api/domain';
import { EmptyState } from '../../../components/states';
import { RunProgress } from '../../../components/run-progress';
import { RUN_KIND_LABEL, runHref } from '../../../components/run-links';
import { StatusBadge } from '../../../components/status-badge';

interface RunListProps {
  runs: Run[];
  label: (connectionId: string) => string;
  emptyTitle: string;
  ariaLabel: string;
}

/**
 * Runs with their state and progress (moving as the polls come in while they run). It renders again
 * when its props change, and at every render of the page while one of its runs is in flight (their
 * elapsed time moves on).
 */
export const RunList = memo(function RunList({ runs, label, emptyTitle, ariaLabel }: RunListProps) {
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
}, sameUnlessInFlight);

function sameUnlessInFlight(prev: RunListProps, next: RunListProps): boolean {
  return (
    prev.runs === next.runs &&
    prev.label === next.label &&
    prev.emptyTitle === next.emptyTitle &&
    prev.ariaLabel === next.ariaLabel &&
    !next.runs.some((r) => isInFlight(r.state))
  );
}
