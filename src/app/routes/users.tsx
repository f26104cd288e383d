import { UsersPage } from '../../features/users/components/users-page';

/** /users: the console's users, managed by administrators. */
export function Component() {
  return <UsersPage />;
}
