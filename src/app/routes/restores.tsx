import { RestoresPage } from '../../features/restores/components/restores-page';
import { usePageAccess } from './jobs-access';

/** /restores: the Rackspace restores with their live state. */
export function Component() {
  const { connections, permissionFor } = usePageAccess('restores');
  return <RestoresPage connections={connections} permissionFor={permissionFor} />;
}
