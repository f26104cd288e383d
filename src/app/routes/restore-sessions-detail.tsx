import { useParams } from 'react-router';
import { DetailNotFound } from '../../components/detail-frame';
import { LogItems } from '../../features/jobs/components/log-items';
import {
  RESTORE_SESSIONS_LINK,
  RestoreSessionPage,
} from '../../features/restore-sessions/components/restore-session-page';
import { useAreaAccess } from './jobs-access';

/** /restore-sessions/:connectionId/:id — one restore session and its events. */
export function Component() {
  const { connectionId = '', id = '' } = useParams();
  const { connections, permissionFor } = useAreaAccess('restoreSessions');
  if (!connections.some((c) => c.id === connectionId))
    return (
      <DetailNotFound
        what="Restore session"
        list={RESTORE_SESSIONS_LINK}
        reason={`There is no Veeam connection “${connectionId}”.`}
      />
    );
  return (
    <RestoreSessionPage
      key={`${connectionId}/${id}`}
      connectionId={connectionId}
      id={id}
      mayStop={permissionFor(connectionId, 'restore-session').allowed}
      mayBrowse={permissionFor(connectionId, 'restore-content.browse').allowed}
      mayRestore={permissionFor(connectionId, 'restore-content.restore').allowed}
      renderEvents={(events) => <LogItems items={events} label="Restore session events" />}
    />
  );
}
