import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Input.css';
import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload, IconLock } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  AUDIT_OUTCOMES,
  AUDIT_PAGE_SIZE,
  consoleAdminQueries,
  isForbidden,
} from '../../../api/console-admin';
import { useConsoleAdmin } from '../../../components/console-admin-context';
import { LiveIndicator } from '../../../components/live-indicator';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState, RefreshFailedState } from '../../../components/states';
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
  const forbidden = isForbidden(log.error);
  const connections = useQuery({ ...consoleAdminQueries.connections(client), enabled: !forbidden });
  const entries = useMemo(() => log.data?.pages.flatMap((p) => p.entries) ?? [], [log.data]);
  const csvUrl = client.auditCsvUrl(filters);
  const filtered = hasAuditFilter(view);

  const connectionOptions = [
    { value: '', label: 'All connections' },
    ...(connections.data ?? []).map((c) => ({ value: c.id, label: c.label })),
  ];
  if (view.connection && !connectionOptions.some((o) => o.value === view.connection))
    connectionOptions.push({ value: view.connection, label: view.connection });

  if (forbidden)
    return (
      <>
        <PageHeader title="Audit log" description="Who did what in the console, newest first." />
        <Alert
          color="gray"
          icon={<IconLock aria-hidden />}
          title="Only administrators can see the audit log"
          role="alert"
        >
          <Text size="sm">
            Ask an administrator of the console for what you need. The server said: {log.error?.message}
          </Text>
        </Alert>
      </>
    );

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what in the console, newest first."
        actions={
          <>
            <LiveIndicator />
            <Button
              component="a"
              href={csvUrl}
              download
              variant="default"
              size="xs"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              Download CSV
            </Button>
          </>
        }
      />
      <Group gap="sm" align="flex-end" wrap="wrap" mb="sm">
        <TextInput
          label="Person"
          placeholder="User name"
          value={person}
          onChange={(e) => setPerson(e.currentTarget.value)}
          w={160}
        />
        <NativeSelect
          label="Action"
          value={view.action}
          onChange={(e) => change({ action: e.currentTarget.value })}
          data={[{ value: '', label: 'Any action' }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: a }))]}
        />
        <NativeSelect
          label="Connection"
          value={view.connection}
          onChange={(e) => change({ connection: e.currentTarget.value })}
          data={connectionOptions}
        />
        <NativeSelect
          label="Outcome"
          value={view.outcome}
          onChange={(e) => change({ outcome: e.currentTarget.value as AuditView['outcome'] })}
          data={[
            { value: '', label: 'Any outcome' },
            ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(o) })),
          ]}
        />
        <TextInput
          type="datetime-local"
          label="From"
          description="Your time zone"
          value={toLocalInput(view.from)}
          onChange={(e) => change({ from: fromLocalInput(e.currentTarget.value) })}
        />
        <TextInput
          type="datetime-local"
          label="To"
          description="Your time zone"
          value={toLocalInput(view.to)}
          onChange={(e) => change({ to: fromLocalInput(e.currentTarget.value) })}
        />
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
        <Text size="sm" ml="auto" role="status" aria-live="polite">
          {formatCount(entries.length)} entries shown
        </Text>
      </Group>
      {log.isError && log.data && (
        <RefreshFailedState
          title="Could not refresh the audit log"
          error={log.error}
          dataAt={log.dataUpdatedAt}
          onRetry={() => void log.refetch()}
        />
      )}
      {log.isPending ? (
        <LoadingState label="Loading the audit log" />
      ) : log.isError && !log.data ? (
        <ErrorState
          title="Could not load the audit log"
          error={log.error}
          onRetry={() => void log.refetch()}
        />
      ) : entries.length === 0 ? (
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
      )}
    </>
  );
}
