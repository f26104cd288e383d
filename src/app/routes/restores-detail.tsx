import { useParams } from 'react-router';
import { NotFoundState } from '../../components/states';
import { RestorePage } from '../../features/restores/components/restore-page';
import { useAreaAccess } from './jobs-access';

/** /restores/:connectionId/:id — one restore: live state, then its report. */
export function Component() {
  const { connectionId = '', id = '' } = useParams();
  const { connections, permissionFor } = useAreaAccess('restores');
  if (!connections.some((c) => c.id === connectionId))
    return <NotFoundState what={`Rackspace connection "${connectionId}"`} />;
  return (
    <RestorePage
      key={`${connectionId}/${id}`}
      connectionId={connectionId}
      id={id}
      mayRestore={permissionFor(connectionId, 'restore').allowed}
    />
  );
}
