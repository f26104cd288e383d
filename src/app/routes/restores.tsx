import { RestoresPage } from '../../features/restores/components/restores-page';
import { useAreaAccess } from './jobs-access';

/** /restores: the Rackspace restores with their live state. */
export function Component() {
  const { connections, permissionFor } = useAreaAccess('restores');
  return <RestoresPage connections={connections} permissionFor={permissionFor} />;
}
