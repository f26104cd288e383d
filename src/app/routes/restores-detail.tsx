import { useParams } from 'react-router';
import { DetailNotFound } from '../../components/detail-frame';
import { RESTORES_LINK, RestorePage } from '../../features/restores/components/restore-page';
import { useAreaAccess } from './jobs-access';

/** /restores/:connectionId/:id — one restore: live state, then its report. */
export function Component() {
  const { connectionId = '', id = '' } = useParams();
  const { connections, permissionFor } = useAreaAccess('restores');
  if (!connections.some((c) => c.id === connectionId))
    return (
      <DetailNotFound
        what="Restore"
        list={RESTORES_LINK}
        reason={`There is no Rackspace connection “${connectionId}”.`}
      />
    );
  return (
    <RestorePage
      key={`${connectionId}/${id}`}
      connectionId={connectionId}
      id={id}
      mayRestore={permissionFor(connectionId, 'restore').allowed}
    />
  );
}
