import { UsersPage } from '../../features/users/components/users-page';
import { ConsoleServerOnly } from './console-server-only';

/** /users: the console's users, managed by administrators. */
export function Component() {
  return (
    <ConsoleServerOnly title="Users" what="the users it lets in and their roles">
      <UsersPage />
    </ConsoleServerOnly>
  );
}
