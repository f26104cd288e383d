// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { ConsoleAdminTest } from '../../../components/testing/console-admin-test';
import { send, signIn, startConsoleAdminTest } from '../../../components/testing/console-admin-test';
import { UsersPage } from './users-page';

let t: ConsoleAdminTest | null = null;
afterEach(async () => {
  cleanup();
  await t?.close();
  t = null;
});

const row = (name: string) =>
  screen
    .queryByRole('table', { name: 'Users' })
    ?.querySelector<HTMLElement>(`tbody tr[data-user="${name}"]`) ?? null;
const dialog = (name: string | RegExp) => screen.findByRole('dialog', { name }, { timeout: 5_000 });
/** A field by its whole label; a required one's label ends in an asterisk. */
const field = (where: HTMLElement, label: string) =>
  within(where).getByLabelText(new RegExp(`^${label}\\s*\\*?$`), { selector: 'input, select' });
const type = (where: HTMLElement, label: string, value: string) =>
  fireEvent.change(field(where, label), { target: { value } });
const serverUsers = async (t: ConsoleAdminTest) =>
  (await send(t.h.url, 'GET', '/console/api/users', { cookie: t.cookie })).json.users as {
    username: string;
    role: string;
    disabled: boolean;
  }[];

describe('UsersPage', () => {
  test('lists the users; adds one, with the checks of the form and the server refusal kept in place', async () => {
    t = await startConsoleAdminTest('admin');
    t.render(<UsersPage />, '/users');
    await waitFor(() => expect(row('viewer')).not.toBeNull());
    expect(row('admin')!.getAttribute('data-role')).toBe('admin');
    expect(within(row('support')!).getByText('Active')).toBeTruthy();
    expect(within(row('support')!).getByText('Support')).toBeTruthy();
    expect(screen.getByText(/^\d+ users, \d+ active$/).textContent).toBe('3 users, 3 active');

    fireEvent.click(screen.getByRole('button', { name: 'Add user' }));
    const form = await dialog('Add user');
    fireEvent.click(within(form).getByRole('button', { name: 'Add user' }));
    expect(within(form).getByText('Enter a user name.')).toBeTruthy();
    expect(within(form).getByText('Enter a password.')).toBeTruthy();

    type(form, 'User name', 'bad name');
    type(form, 'Password', 'short');
    type(form, 'Confirm password', 'shorter');
    fireEvent.click(within(form).getByRole('button', { name: 'Add user' }));
    expect(within(form).getByText(/A user name is 1 to 64 letters/)).toBeTruthy();
    expect(within(form).getByText('A password has at least 8 characters.')).toBeTruthy();
    expect(within(form).getByText('The two passwords differ.')).toBeTruthy();

    // The server refuses a name that is taken (without regard to case); what was typed stays.
    type(form, 'User name', 'Support');
    fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'support' } });
    type(form, 'Password', 'a good password');
    type(form, 'Confirm password', 'a good password');
    fireEvent.click(within(form).getByRole('button', { name: 'Add user' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('There is already a user Support.');
    expect(field(form, 'User name')).toHaveProperty('value', 'Support');
    expect(within(form).getByLabelText('Role')).toHaveProperty('value', 'support');

    type(form, 'User name', 'carol');
    fireEvent.click(within(form).getByRole('button', { name: 'Add user' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add user' })).toBeNull());
    await waitFor(() => expect(row('carol')?.getAttribute('data-role')).toBe('support'));
    expect(await serverUsers(t)).toContainEqual(
      expect.objectContaining({ username: 'carol', role: 'support' }),
    );
    await signIn(t.h.url, 'carol', 'a good password');
  }, 30_000);

  test('the role: the last administrator cannot be demoted (the server says so in the form); another can', async () => {
    t = await startConsoleAdminTest('admin');
    t.render(<UsersPage />, '/users');
    await waitFor(() => expect(row('admin')).not.toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Change role of admin' }));
    const form = await dialog('Change the role of admin');
    fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'viewer' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save role' }));
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'admin is the last active administrator: add or enable another one first.',
    );
    expect(within(form).getByLabelText('Role')).toHaveProperty('value', 'viewer');
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(row('admin')!.getAttribute('data-role')).toBe('admin');

    fireEvent.click(screen.getByRole('button', { name: 'Change role of support' }));
    const other = await dialog('Change the role of support');
    fireEvent.change(within(other).getByLabelText('Role'), { target: { value: 'admin' } });
    fireEvent.click(within(other).getByRole('button', { name: 'Save role' }));
    await waitFor(() => expect(row('support')?.getAttribute('data-role')).toBe('admin'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await serverUsers(t)).toContainEqual(
      expect.objectContaining({ username: 'support', role: 'admin' }),
    );
  }, 30_000);

  test('disable and enable after a confirm; disabling oneself is refused in the dialog', async () => {
    t = await startConsoleAdminTest('admin');
    const viewerCookie = await signIn(t.h.url, 'viewer');
    t.render(<UsersPage />, '/users');
    await waitFor(() => expect(row('viewer')).not.toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Disable viewer' }));
    const ask = await dialog('Disable viewer?');
    // The safe choice has the focus: Enter at once does not disable anyone.
    await waitFor(() =>
      expect(document.activeElement).toBe(within(ask).getByRole('button', { name: 'Cancel' })),
    );
    fireEvent.click(within(ask).getByRole('button', { name: 'Disable' }));
    await waitFor(() => expect(row('viewer')?.getAttribute('data-state')).toBe('disabled'));
    expect(within(row('viewer')!).getByText('Disabled')).toBeTruthy();
    // Their session ended on the server.
    expect((await send(t.h.url, 'GET', '/console/api/session', { cookie: viewerCookie })).status).toBe(401);

    fireEvent.click(screen.getByRole('button', { name: 'Enable viewer' }));
    const again = await dialog('Enable viewer?');
    fireEvent.click(within(again).getByRole('button', { name: 'Enable' }));
    await waitFor(() => expect(row('viewer')?.getAttribute('data-state')).toBe('active'));
    await signIn(t.h.url, 'viewer');

    fireEvent.click(screen.getByRole('button', { name: 'Disable admin' }));
    const self = await dialog('Disable admin?');
    fireEvent.click(within(self).getByRole('button', { name: 'Disable' }));
    expect((await within(self).findByRole('alert')).textContent).toBe(
      'You may not disable yourself: another administrator may.',
    );
    expect(row('admin')!.getAttribute('data-state')).toBe('active');
  }, 30_000);

  test('reset password: the form checks both fields, then the new password signs in and the old does not', async () => {
    t = await startConsoleAdminTest('admin');
    t.render(<UsersPage />, '/users');
    await waitFor(() => expect(row('support')).not.toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Reset password of support' }));
    const form = await dialog('Reset the password of support');
    type(form, 'New password', 'new secret 1');
    type(form, 'Confirm new password', 'new secret 2');
    fireEvent.click(within(form).getByRole('button', { name: 'Set password' }));
    expect(within(form).getByText('The two passwords differ.')).toBeTruthy();
    type(form, 'Confirm new password', 'new secret 1');
    fireEvent.click(within(form).getByRole('button', { name: 'Set password' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await signIn(t.h.url, 'support', 'new secret 1');
    const old = await send(t.h.url, 'POST', '/console/api/session', {
      body: { username: 'support', password: 'demo' },
    });
    expect(old.status).toBe(401);
  }, 30_000);

  test('a person who is not an administrator reads why there is no list', async () => {
    t = await startConsoleAdminTest('viewer');
    t.render(<UsersPage />, '/users');
    expect(
      await screen.findByRole(
        'alert',
        { name: /Only administrators can manage console users/ },
        { timeout: 5_000 },
      ),
    ).toBeTruthy();
    expect(screen.getByText(/Your role \(viewer\) may not manage console users/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add user' })).toBeNull();
  });
});
