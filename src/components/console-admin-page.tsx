import '@mantine/core/styles/Alert.css';
import { Alert, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { isForbidden } from '../api/console-admin';
import { formatDateTime, formatRelative } from '../lib/format';
import { PageHeader } from './page-header';
import { ErrorState, LoadingState, RefreshFailedState } from './states';
import type { VirtualTableProps } from './virtual-table';
import { VirtualTable } from './virtual-table';

/** What the frame reads of the page's query (a query or an infinite query of TanStack Query). */
export interface ConsoleAdminQuery<D> {
  data: D | undefined;
  error: Error | null;
  isPending: boolean;
  isError: boolean;
  dataUpdatedAt: number;
  refetch: () => Promise<unknown>;
}

/**
 * The frame of a page of the console server's own API, which answers only administrators (the Audit
 * and Users pages). To anyone else the server's 403 is the page: its heading and the server's words.
 * Otherwise the heading with its actions, the toolbar, then the query's state — a refresh that failed
 * above the data it keeps, loading, a first load that failed, or the data (`children`) — and last what
 * the page owns besides (its dialogs).
 */
export function ConsoleAdminPage<D>({
  title,
  description,
  actions,
  adminOnly,
  query,
  what,
  toolbar,
  children,
  dialogs,
}: {
  title: string;
  description: string;
  actions?: ReactNode;
  /** The 403's title, and what to do about it, said before the server's words. */
  adminOnly: { title: string; advice?: string };
  query: ConsoleAdminQuery<D>;
  /** What the query reads, in the words of its states: "the users" → "Loading the users". */
  what: string;
  toolbar?: ReactNode;
  children: (data: D) => ReactNode;
  dialogs?: ReactNode;
}) {
  if (isForbidden(query.error))
    return (
      <>
        <PageHeader title={title} description={description} />
        <Alert color="gray" icon={<IconLock aria-hidden />} title={adminOnly.title} role="alert">
          <Text size="sm">
            {adminOnly.advice && `${adminOnly.advice} `}The server said: {query.error?.message}
          </Text>
        </Alert>
      </>
    );
  const retry = () => void query.refetch();
  return (
    <>
      <PageHeader title={title} description={description} actions={actions} />
      {toolbar}
      {query.isError && query.data !== undefined && (
        <RefreshFailedState
          title={`Could not refresh ${what}`}
          error={query.error}
          dataAt={query.dataUpdatedAt}
          onRetry={retry}
        />
      )}
      {query.isPending ? (
        <LoadingState label={`Loading ${what}`} />
      ) : query.data === undefined ? (
        <ErrorState title={`Could not load ${what}`} error={query.error} onRetry={retry} />
      ) : (
        children(query.data)
      )}
      {dialogs}
    </>
  );
}

/**
 * The data of such a page: what an empty list means, or a count said politely to screen readers
 * ("3 users, 3 active") above the table of its rows.
 */
export function ConsoleAdminList<T>({
  empty,
  count,
  ...table
}: { empty: ReactNode; count: string } & Omit<VirtualTableProps<T>, 'rowHeight' | 'minWidth'>) {
  if (table.rows.length === 0) return empty;
  return (
    <Stack gap="xs">
      <Text size="sm" role="status" aria-live="polite">
        {count}
      </Text>
      <VirtualTable {...table} rowHeight={60} minWidth={1000} />
    </Stack>
  );
}

/** A time in a table cell: the date and time, and how long ago it was as of `now` (the data's time). */
export function TimeCell({ at, now }: { at: string; now: number }) {
  return (
    <Stack gap={0}>
      <Text size="sm">{formatDateTime(at)}</Text>
      <Text size="xs" c="dimmed">
        {formatRelative(at, now)}
      </Text>
    </Stack>
  );
}
