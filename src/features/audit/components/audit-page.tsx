import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Input.css';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  AUDIT_OUTCOMES,
  AUDIT_PAGE_SIZE,
  consoleAdminQueries,
  isForbidden,
} from '../../../api/console-admin';
import { ConsoleAdminPage } from '../../../components/console-admin-page';
import { useConsoleAdmin } from '../../../components/console-admin-context';
import type { FilterOption } from '../../../components/filter-row';
import { FilterRow, FilterSelect } from '../../../components/filter-row';
import { LiveIndicator } from '../../../components/live-indicator';
import { EmptyState } from '../../../components/states';
import { useSearchText } from '../../../components/use-search-text';
import { formatCount } from '../../../lib/format';
import type { AuditView } from './audit-filter';
import {
  AUDIT_ACTIONS,
  auditFilters,
  EMPTY_AUDIT_VIEW,
  fromLocalInput,
  hasAuditFilter,
  readAuditView,
  toLocalInput,
  writeAuditView,
} from './audit-filter';
import { AuditTable, outcomeLabel } from './audit-table';

const ACTION_OPTIONS: FilterOption<string>[] = [
  { value: '', label: 'Any action' },
  ...AUDIT_ACTIONS.map((a) => ({ value: a, label: a })),
];

const OUTCOME_OPTIONS: FilterOption<AuditView['outcome']>[] = [
  { value: '', label: 'Any outcome' },
  ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(o) })),
];

/** A bound of the time range, typed in the viewer's own zone and kept as an ISO time. */
function TimeFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
}) {
  return (
    <TextInput
      type="datetime-local"
      label={label}
      description="Your time zone"
      value={toLocalInput(value)}
      onChange={(e) => onChange(fromLocalInput(e.currentTarget.value))}
    />
  );
}

/**
 * The console server's audit log (administrators only): every sign-in, refusal and change, newest
 * first, read again every few seconds; its filters are in the URL and in the CSV link.
 */
export function AuditPage({ pageSize = AUDIT_PAGE_SIZE }: { pageSize?: number }) {
  const client = useConsoleAdmin();
  const [params, setParams] = useSearchParams();
  const view = readAuditView(params);
  const filters = auditFilters(view);
  const change = (patch: Partial<AuditView>) =>
    setParams((old) => writeAuditView(old, patch), { replace: true });
  const [person, setPerson] = useSearchText(view.person, (value) => change({ person: value }));

  const log = useInfiniteQuery(consoleAdminQueries.audit(client, filters, pageSize));
  const connections = useQuery({
    ...consoleAdminQueries.connections(client),
    enabled: !isForbidden(log.error),
  });
  const entries = useMemo(() => log.data?.pages.flatMap((p) => p.entries) ?? [], [log.data]);
  const filtered = hasAuditFilter(view);

  // The connection filter's options: the connections the server holds, and one the URL names.
  const held = [
    { value: '', label: 'All connections' },
    ...(connections.data ?? []).map((c) => ({ value: c.id, label: c.label })),
  ];
  if (view.connection && !held.some((o) => o.value === view.connection))
    held.push({ value: view.connection, label: view.connection });

  const toolbar = (
    <FilterRow count={`${formatCount(entries.length)} entries shown`}>
      <TextInput
        label="Person"
        placeholder="User name"
        value={person}
        onChange={(e) => setPerson(e.currentTarget.value)}
        w={160}
      />
      <FilterSelect label="Action" view={view} name="action" onChange={change} options={ACTION_OPTIONS} />
      <FilterSelect label="Connection" view={view} name="connection" onChange={change} options={held} />
      <FilterSelect label="Outcome" view={view} name="outcome" onChange={change} options={OUTCOME_OPTIONS} />
      <TimeFilter label="From" value={view.from} onChange={(from) => change({ from })} />
      <TimeFilter label="To" value={view.to} onChange={(to) => change({ to })} />
      {filtered && (
        <Button
          variant="subtle"
          size="sm"
          onClick={() => {
            setPerson('');
            change(EMPTY_AUDIT_VIEW);
          }}
        >
          Clear filters
        </Button>
      )}
    </FilterRow>
  );

  return (
    <ConsoleAdminPage
      title="Audit log"
      description="Who did what in the console, newest first."
      actions={
        <>
          <LiveIndicator />
          <Button
            component="a"
            href={client.auditCsvUrl(filters)}
            download
            variant="default"
            size="xs"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            Download CSV
          </Button>
        </>
      }
      adminOnly={{
        title: 'Only administrators can see the audit log',
        advice: 'Ask an administrator of the console for what you need.',
      }}
      query={log}
      what="the audit log"
      toolbar={toolbar}
    >
      {() =>
        entries.length === 0 ? (
          <EmptyState title={filtered ? 'No entry matches these filters' : 'No audit entries yet'}>
            {filtered && 'Try another person, action or a longer time range.'}
          </EmptyState>
        ) : (
          <Stack gap="sm">
            <AuditTable entries={entries} now={log.dataUpdatedAt} />
            <Group justify="center">
              {log.hasNextPage ? (
                <Button
                  variant="default"
                  onClick={() => void log.fetchNextPage()}
                  loading={log.isFetchingNextPage}
                >
                  Show older
                </Button>
              ) : (
                <Text size="sm" c="dimmed">
                  No older entries.
                </Text>
              )}
            </Group>
          </Stack>
        )
      }
    </ConsoleAdminPage>
  );
}
