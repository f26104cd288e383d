import { useSearchParams } from 'react-router';
import { EmptyState } from '../../components/states';
import { PageHeader } from '../../components/page-header';
import { RestoreWizard } from '../../features/restores/components/wizard/restore-wizard';
import { useAreaAccess } from './jobs-access';

/** /restores/new[?connection=&configuration=[&backup=]]: the restore wizard, for support and admin. */
export function Component() {
  const [params] = useSearchParams();
  const { connections, permissionFor } = useAreaAccess('restores');
  const allowed = connections.filter((c) => permissionFor(c.id, 'restore').allowed);
  if (allowed.length === 0)
    return (
      <>
        <PageHeader title="New restore" />
        <EmptyState title="You cannot start restores">
          {connections.length === 0
            ? 'Sign in to a Rackspace connection first.'
            : 'Restores need the support or admin role on a Rackspace connection.'}
        </EmptyState>
      </>
    );
  return (
    <RestoreWizard
      connections={allowed}
      initial={{
        connectionId: params.get('connection'),
        configurationId: params.get('configuration'),
        backupId: params.get('backup'),
      }}
    />
  );
}
