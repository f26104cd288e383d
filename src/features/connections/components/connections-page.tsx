import '@mantine/core/styles/Badge.css';
import { Badge, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { HealthState, HeldConnectionInfo } from '../../../api/console-admin';
import { consoleAdminQueries } from '../../../api/console-admin';
import { findDialect } from '../../../api/dialects';
import { ConsoleAdminList, ConsoleAdminPage, TimeCell } from '../../../components/console-admin-page';
import { useConsoleAdmin } from '../../../components/console-admin-context';
import { EmptyState } from '../../../components/states';
import type { Column } from '../../../components/virtual-table';
import { formatCount } from '../../../lib/format';

const HEALTH: Record<HealthState, { label: string; color: string }> = {
  ok: { label: 'Working', color: 'green' },
  failing: { label: 'Failing', color: 'red' },
  unknown: { label: 'Not checked yet', color: 'gray' },
};

const healthOf = (c: HeldConnectionInfo) =>
  c.health ?? { state: 'unknown' as const, message: null, at: null };
const perPerson = (c: HeldConnectionInfo) => c.signIn === 'per-person';

/**
 * The connections the console server holds, and how each is: whether its sign-in and its last answer
 * to the server worked, when, and the vendor's or the network's words when not; a connection each
 * person signs in to has no health of the server's, and says so. The server's word, read again every
 * few seconds; no vendor address or credential is in it.
 */
export function ConnectionsPage() {
  const client = useConsoleAdmin();
  const connections = useQuery(consoleAdminQueries.connectionHealth(client));
  const now = connections.dataUpdatedAt;
  const columns: Column<HeldConnectionInfo>[] = [
    {
      key: 'name',
      header: 'Connection',
      width: 220,
      cell: (c) => (
        <Stack gap={0}>
          <Text size="sm" fw={500} truncate="end" title={c.label}>
            {c.label}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {c.id}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'api',
      header: 'API',
      width: 220,
      optional: true,
      cell: (c) => <Text size="sm">{(c.dialect && findDialect(c.dialect)?.label) ?? c.dialect ?? '—'}</Text>,
    },
    {
      key: 'health',
      header: 'Health',
      width: 140,
      cell: (c) => {
        if (perPerson(c))
          return (
            <Badge color="blue" variant="light">
              Per person
            </Badge>
          );
        const { label, color } = HEALTH[healthOf(c).state];
        return (
          <Badge color={color} variant="light">
            {label}
          </Badge>
        );
      },
    },
    {
      key: 'checked',
      header: 'Checked',
      width: 160,
      cell: (c) => {
        const { at } = healthOf(c);
        if (!at)
          return (
            <Text size="sm" c="dimmed">
              Not yet
            </Text>
          );
        return <TimeCell at={at} now={now} />;
      },
    },
    {
      key: 'message',
      header: 'What the server saw',
      width: 360,
      cell: (c) => {
        if (perPerson(c))
          return (
            <Text size="sm" lineClamp={2}>
              Each person signs in with their own account
              {c.signedIn ? '; you are signed in.' : '; you are not signed in to it.'}
            </Text>
          );
        const { message } = healthOf(c);
        return (
          <Text size="sm" lineClamp={2} title={message ?? undefined} c={message ? undefined : 'dimmed'}>
            {message ?? 'Nothing wrong'}
          </Text>
        );
      },
    },
  ];

  return (
    <ConsoleAdminPage
      title="Connections"
      description="The backup services this console server signs in to for everyone, and how each is doing."
      adminOnly={{ title: 'The connections are not shown to you' }}
      query={connections}
      what="the connections"
    >
      {(list) => (
        <ConsoleAdminList
          empty={<EmptyState title="No connections">The console server holds no connection.</EmptyState>}
          count={`${formatCount(list.length)} connections, ${formatCount(list.filter((c) => healthOf(c).state === 'failing').length)} failing`}
          label="Connections"
          rows={list}
          columns={columns}
          rowKey={(c) => c.id}
          rowProps={(c) => ({
            'data-connection': c.id,
            'data-health': perPerson(c) ? 'per-person' : healthOf(c).state,
          })}
        />
      )}
    </ConsoleAdminPage>
  );
}
