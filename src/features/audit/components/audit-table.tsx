import '@mantine/core/styles/Badge.css';
import { Badge, Stack, Text } from '@mantine/core';
import type { AuditEntry, AuditOutcome } from '../../../api/console-admin';
import type { Column } from '../../../components/virtual-table';
import { VirtualTable } from '../../../components/virtual-table';
import { formatDateTime, formatDuration, formatRelative, NONE } from '../../../lib/format';

const OUTCOME_LOOK: Record<AuditOutcome, { color: string; label: string }> = {
  ok: { color: 'green', label: 'OK' },
  failed: { color: 'red', label: 'Failed' },
  refused: { color: 'orange', label: 'Refused' },
};

export function outcomeLabel(outcome: AuditOutcome): string {
  return OUTCOME_LOOK[outcome].label;
}

/** An entry's outcome; `data-outcome` carries the API's word for tests and styling. */
export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  const { color, label } = OUTCOME_LOOK[outcome];
  return (
    <Badge color={color} variant="light" data-outcome={outcome}>
      {label}
    </Badge>
  );
}

/** 12 → "12 ms"; a second and more as durations are shown elsewhere. */
function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : formatDuration(ms / 1000);
}

const dimmed = (text: string | null) => (
  <Text size="xs" c="dimmed" truncate="end" title={text ?? undefined}>
    {text ?? NONE}
  </Text>
);

/** The audit log's rows, newest first, as the server answered them. */
export function AuditTable({ entries, now }: { entries: AuditEntry[]; now: number }) {
  const columns: Column<AuditEntry>[] = [
    {
      key: 'time',
      header: 'Time',
      width: 200,
      cell: (e) => (
        <Stack gap={0}>
          <Text size="sm">{formatDateTime(e.at)}</Text>
          <Text size="xs" c="dimmed">
            {formatRelative(e.at, now)}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'person',
      header: 'Person',
      width: 140,
      cell: (e) => (
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="sm" truncate="end" title={e.who ?? undefined}>
            {e.who ?? NONE}
          </Text>
          {e.address && dimmed(e.address)}
        </Stack>
      ),
    },
    {
      key: 'role',
      header: 'Role',
      width: 90,
      optional: true,
      cell: (e) => <Text size="sm">{e.role ?? NONE}</Text>,
    },
    {
      key: 'action',
      header: 'Action',
      width: 190,
      cell: (e) => (
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="sm">{e.action}</Text>
          {dimmed(`${e.method} ${e.path}`)}
        </Stack>
      ),
    },
    {
      key: 'connection',
      header: 'Connection',
      width: 120,
      optional: true,
      cell: (e) => (
        <Text size="sm" truncate="end">
          {e.connection ?? NONE}
        </Text>
      ),
    },
    {
      key: 'target',
      header: 'Target',
      width: 160,
      optional: true,
      cell: (e) => (
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="sm" truncate="end" title={e.targetName ?? undefined}>
            {e.targetName ?? NONE}
          </Text>
          {e.targetId && dimmed(`id ${e.targetId}`)}
        </Stack>
      ),
    },
    { key: 'outcome', header: 'Outcome', width: 100, cell: (e) => <OutcomeBadge outcome={e.outcome} /> },
    {
      key: 'status',
      header: 'Status',
      width: 110,
      optional: true,
      cell: (e) => (
        <Stack gap={0}>
          <Text size="sm">console {e.status}</Text>
          <Text size="xs" c="dimmed">
            vendor {e.vendorStatus ?? NONE}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'duration',
      header: 'Duration',
      width: 90,
      align: 'right',
      optional: true,
      cell: (e) => <Text size="sm">{formatMs(e.durationMs)}</Text>,
    },
    {
      key: 'message',
      header: 'Message',
      cell: (e) => (
        <Text size="sm" lineClamp={2} title={e.message ?? undefined}>
          {e.message ?? NONE}
        </Text>
      ),
    },
  ];
  return (
    <VirtualTable
      label="Audit log"
      rows={entries}
      columns={columns}
      rowKey={(e) => String(e.id)}
      rowProps={(e) => ({ 'data-entry': String(e.id), 'data-outcome': e.outcome, 'data-action': e.action })}
      rowHeight={60}
      minWidth={1280}
    />
  );
}
