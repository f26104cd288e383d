import type { RestoreSession } from '../../../api/domain';
import { isInFlight } from '../../../api/domain';
import { runListSpec } from '../../../components/run-list-spec';
import { exploreTypeLabel } from './explore-types';

/** The Restore sessions list's view: search, connection and state in the URL; newest first unless a header says. */
export const RESTORE_SESSIONS_LIST = runListSpec<RestoreSession>({
  one: 'restore session',
  many: 'restore sessions',
  search: { label: 'Search restore sessions', placeholder: 'Job, organization, type or user' },
  text: (s) => [s.parentName, s.id, s.organizationName, exploreTypeLabel(s.sessionType), s.initiatedBy],
  name: (s) => s.parentName || s.id,
  status: (s) => s.state,
  groups: [
    { value: 'open', label: 'Open', keep: (s) => isInFlight(s.state) },
    { value: 'ended', label: 'Ended', keep: (s) => !isInFlight(s.state) },
  ],
  states: ['running', 'stopping', 'succeeded', 'warning', 'failed', 'stopped'],
});
