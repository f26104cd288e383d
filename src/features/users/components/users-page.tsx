import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Button.css';
import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconLock, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ConsoleUser } from '../../../api/console-admin';
import { consoleAdminQueries, isForbidden } from '../../../api/console-admin';
import { useConsoleAdmin } from '../../../components/console-admin-context';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState, RefreshFailedState } from '../../../components/states';
import type { Column } from '../../../components/virtual-table';
import { VirtualTable } from '../../../components/virtual-table';
import { formatCount, formatDateTime, formatRelative } from '../../../lib/format';
import { AddUserDialog, DisableDialog, PasswordDialog, ROLE_LABEL, RoleDialog } from './user-dialogs';

type Open = { kind: 'role' | 'toggle' | 'password'; user: ConsoleUser } | null;

function When({ at, now }: { at: string; now: number }) {
  return (
    <Stack gap={0}>
      <Text size="sm">{formatDateTime(at)}</Text>
      <Text size="xs" c="dimmed">
        {formatRelative(at, now)}
      </Text>
    </Stack>
  );
}

/** The people who sign in to the console (administrators only): add, change role, disable, reset password. */
export function UsersPage() {
  const client = useConsoleAdmin();
  const users = useQuery(consoleAdminQueries.users(client));
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const header = (actions?: boolean) => (
    <PageHeader
      title="Users"
      description="The people who sign in to the console and their roles. Users are disabled, never deleted."
      actions={
        actions && (
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            Add user
          </Button>
        )
      }
    />
  );

  if (isForbidden(users.error))
    return (
      <>
        {header()}
        <Alert
          color="gray"
          icon={<IconLock aria-hidden />}
          title="Only administrators can manage console users"
          role="alert"
        >
          <Text size="sm">The server said: {users.error?.message}</Text>
        </Alert>
      </>
    );

  const now = users.dataUpdatedAt;
  const columns: Column<ConsoleUser>[] = [
    {
      key: 'name',
      header: 'Name',
      width: 180,
      cell: (u) => (
        <Text size="sm" fw={500} truncate="end" title={u.username}>
          {u.username}
        </Text>
      ),
    },
    { key: 'role', header: 'Role', width: 100, cell: (u) => <Text size="sm">{ROLE_LABEL[u.role]}</Text> },
    {
      key: 'state',
      header: 'State',
      width: 110,
      cell: (u) =>
        u.disabled ? (
          <Badge color="gray" variant="light">
            Disabled
          </Badge>
        ) : (
          <Badge color="green" variant="light">
            Active
          </Badge>
        ),
    },
    {
      key: 'created',
      header: 'Created',
      width: 200,
      optional: true,
      cell: (u) => <When at={u.createdAt} now={now} />,
    },
    {
      key: 'changed',
      header: 'Changed',
      width: 200,
      optional: true,
      cell: (u) => <When at={u.changedAt} now={now} />,
    },
    {
      key: 'actions',
      header: 'Actions',
      cell: (u) => (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            aria-label={`Change role of ${u.username}`}
            onClick={() => setOpen({ kind: 'role', user: u })}
          >
            Change role…
          </Button>
          <Button
            size="xs"
            variant="default"
            aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${u.username}`}
            onClick={() => setOpen({ kind: 'toggle', user: u })}
          >
            {u.disabled ? 'Enable…' : 'Disable…'}
          </Button>
          <Button
            size="xs"
            variant="default"
            aria-label={`Reset password of ${u.username}`}
            onClick={() => setOpen({ kind: 'password', user: u })}
          >
            Reset password…
          </Button>
        </Group>
      ),
    },
  ];

  return (
    <>
      {header(true)}
      {users.isError && users.data && (
        <RefreshFailedState
          title="Could not refresh the users"
          error={users.error}
          dataAt={users.dataUpdatedAt}
          onRetry={() => void users.refetch()}
        />
      )}
      {users.isPending ? (
        <LoadingState label="Loading the users" />
      ) : users.isError && !users.data ? (
        <ErrorState
          title="Could not load the users"
          error={users.error}
          onRetry={() => void users.refetch()}
        />
      ) : users.data.length === 0 ? (
        <EmptyState title="No users yet">Add the first one.</EmptyState>
      ) : (
        <Stack gap="xs">
          <Text size="sm" role="status" aria-live="polite">
            {formatCount(users.data.length)} users,{' '}
            {formatCount(users.data.filter((u) => !u.disabled).length)} active
          </Text>
          <VirtualTable
            label="Users"
            rows={users.data}
            columns={columns}
            rowKey={(u) => u.username}
            rowProps={(u) => ({
              'data-user': u.username,
              'data-role': u.role,
              'data-state': u.disabled ? 'disabled' : 'active',
            })}
            rowHeight={60}
            minWidth={1000}
          />
        </Stack>
      )}
      <AddUserDialog opened={adding} onClose={() => setAdding(false)} />
      <RoleDialog user={open?.kind === 'role' ? open.user : null} onClose={close} />
      <DisableDialog user={open?.kind === 'toggle' ? open.user : null} onClose={close} />
      <PasswordDialog user={open?.kind === 'password' ? open.user : null} onClose={close} />
    </>
  );
}
