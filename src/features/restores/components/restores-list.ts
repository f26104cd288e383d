import type { Restore } from '../../../api/domain';
import { isInFlight } from '../../../api/domain';
import { runListSpec } from '../../../components/run-list-spec';
import { restoreStatus } from './restore-state-badge';
import { destinationPathText } from './restores-table';

/** The Restores list's view: search, connection and state in the URL; newest first unless a header says. */
export const RESTORES_LIST = runListSpec<Restore>({
  one: 'restore',
  many: 'restores',
  search: { label: 'Search restores', placeholder: 'Backup, machine, path or number' },
  text: (r) => [
    r.parentName,
    r.id,
    r.backupId,
    r.sourceMachineName,
    r.destinationMachineName ?? r.machineName,
    destinationPathText(r.destinationPath),
  ],
  name: (r) => r.parentName || `Restore ${r.id}`,
  status: restoreStatus,
  groups: [
    { value: 'in-flight', label: 'In flight', keep: (r) => !r.draft && isInFlight(r.state) },
    { value: 'not-started', label: 'Not started', keep: (r) => r.draft },
  ],
  states: ['queued', 'running', 'stopping', 'succeeded', 'warning', 'failed', 'stopped'],
});
