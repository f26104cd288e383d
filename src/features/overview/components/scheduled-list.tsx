import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/Badge.css';
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ScheduledItem } from '../../../api/overview';
import { configurationHref, jobHref } from '../../../components/run-links';
import { EmptyState } from '../../../components/states';
import { formatDateTime, formatRelative } from '../../../lib/format';

export type Scheduled = ScheduledItem & { connectionId: string };

/** Configurations and jobs by their next run: the ones next up, or the ones overdue. */
export function ScheduledList({
  items,
  emptyTitle,
  label,
  ariaLabel,
}: {
  items: Scheduled[];
  emptyTitle: string;
  label: (connectionId: string) => string;
  ariaLabel: string;
}) {
  if (items.length === 0) return <EmptyState title={emptyTitle} />;
  return (
    <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={ariaLabel}>
      {items.map((item) => (
        <Group
          key={`${item.connectionId}:${item.kind}:${item.id}`}
          component="li"
          justify="space-between"
          wrap="nowrap"
          gap="xs"
        >
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Anchor
              component={Link}
              size="sm"
              to={
                item.kind === 'job'
                  ? jobHref(item.connectionId, item.id)
                  : configurationHref(item.connectionId, item.id)
              }
            >
              {item.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              {item.kind === 'job' ? 'Job' : 'Configuration'} · {label(item.connectionId)}
            </Text>
          </Stack>
          <Stack gap={0} align="flex-end">
            {item.overdue && (
              <Badge color="orange" variant="light" size="sm">
                Overdue
              </Badge>
            )}
            <Text size="xs" title={formatDateTime(item.nextRunAt)}>
              {formatRelative(item.nextRunAt)}
            </Text>
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}
