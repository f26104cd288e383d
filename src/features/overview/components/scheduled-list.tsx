import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/Badge.css';
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { memo } from 'react';
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
        <ScheduledRow
          key={`${item.connectionId}:${item.kind}:${item.id}`}
          item={item}
          connection={label(item.connectionId)}
          when={formatRelative(item.nextRunAt)}
        />
      ))}
    </Stack>
  );
}

/**
 * One item; it renders again only when what it shows changes (its relative time is worked out by
 * the list at each render, as it was shown before, so it moves on as the page renders).
 */
const ScheduledRow = memo(function ScheduledRow({
  item,
  connection,
  when,
}: {
  item: Scheduled;
  connection: string;
  when: string;
}) {
  return (
    <Group component="li" justify="space-between" wrap="nowrap" gap="xs">
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
          {item.kind === 'job' ? 'Job' : 'Configuration'} · {connection}
        </Text>
      </Stack>
      <Stack gap={0} align="flex-end">
        {item.overdue && (
          <Badge color="orange" variant="light" size="sm">
            Overdue
          </Badge>
        )}
        <Text size="xs" title={formatDateTime(item.nextRunAt)}>
          {when}
        </Text>
      </Stack>
    </Group>
  );
});
