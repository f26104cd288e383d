import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Button.css';
import { Badge, Button, Group, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ConsoleUser } from '../../../api/console-admin';
import { consoleAdminQueries } from '../../../api/console-admin';
import { ConsoleAdminList, ConsoleAdminPage, TimeCell } from '../../../components/console-admin-page';
import { useConsoleAdmin } from '../../../components/console-admin-context';
import { EmptyState } from '../../../components/states';
import type { Column } from '../../../components/virtual-table';
import { formatCount } from '../../../lib/format';
import { AddUserDialog, DisableDialog, PasswordDialog, ROLE_LABEL, RoleDialog } from './user-dialogs';

type Open = { kind: 'role' | 'toggle' | 'password'; user: ConsoleUser } | null;

/** A row's buttons: the dialog each opens, its accessible name (which names the user) and its words. */
function rowActions(u: ConsoleUser): { kind: NonNullable<Open>['kind']; name: string; text: string }[] {
  const verb = u.disabled ? 'Enable' : 'Disable';
  return [
    { kind: 'role', name: `Change role of ${u.username}`, text: 'Change role…' },
    { kind: 'toggle', name: `${verb} ${u.username}`, text: `${verb}…` },
    { kind: 'password', name: `Reset password of ${u.username}`, text: 'Reset password…' },
  ];
}

/** The people who sign in to the console (administrators only): add, change role, disable, reset password. */
export function UsersPage() {
  const client = useConsoleAdmin();
  const users = useQuery(consoleAdminQueries.users(client));
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const now = users.dataUpdatedAt;
  const columns: Column<ConsoleUser>[] = [
    {
      key: 'name',
      header: 'Name',
      width: 140,
      cell: (u) => (
        <Text size="sm" fw={500} truncate="end" title={u.username}>
          {u.username}
        </Text>
      ),
    },
    { key: 'role', header: 'Role', width: 80, cell: (u) => <Text size="sm">{ROLE_LABEL[u.role]}</Text> },
    {
      key: 'state',
      header: 'State',
      width: 100,
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
      width: 140,
      optional: true,
      cell: (u) => <TimeCell at={u.createdAt} now={now} />,
    },
    {
      key: 'changed',
      header: 'Changed',
      width: 140,
      optional: true,
      cell: (u) => <TimeCell at={u.changedAt} now={now} />,
    },
    {
      key: 'actions',
      header: 'Actions',
      // Room for "Change role…", "Disable…" and "Reset password…" side by side at 1280 px.
      width: 400,
      cell: (u) => (
        <Group gap="xs" wrap="nowrap">
          {rowActions(u).map(({ kind, name, text }) => (
            <Button
              key={kind}
              size="xs"
              variant="default"
              aria-label={name}
              onClick={() => setOpen({ kind, user: u })}
            >
              {text}
            </Button>
          ))}
        </Group>
      ),
    },
  ];

  return (
    <ConsoleAdminPage
      title="Users"
      description="The people who sign in to the console and their roles. Users are disabled, never deleted."
      actions={
        <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
          Add user
        </Button>
      }
      adminOnly={{ title: 'Only administrators can manage console users' }}
      query={users}
      what="the users"
      dialogs={
        <>
          <AddUserDialog opened={adding} onClose={() => setAdding(false)} />
          <RoleDialog user={open?.kind === 'role' ? open.user : null} onClose={close} />
          <DisableDialog user={open?.kind === 'toggle' ? open.user : null} onClose={close} />
          <PasswordDialog user={open?.kind === 'password' ? open.user : null} onClose={close} />
        </>
      }
    >
      {(list) => (
        <ConsoleAdminList
          empty={<EmptyState title="No users yet">Add the first one.</EmptyState>}
          count={`${formatCount(list.length)} users, ${formatCount(list.filter((u) => !u.disabled).length)} active`}
          label="Users"
          rows={list}
          columns={columns}
          rowKey={(u) => u.username}
          rowProps={(u) => ({
            'data-user': u.username,
            'data-role': u.role,
            'data-state': u.disabled ? 'disabled' : 'active',
          })}
        />
      )}
    </ConsoleAdminPage>
  );
}
