import '@mantine/core/styles/Badge.css';
import { Badge } from '@mantine/core';
import type { Restore } from '../../../api/domain';
import { badgeTitle, StatusBadge } from '../../../components/status-badge';

type Stated = Pick<Restore, 'state' | 'vendorState' | 'draft'>;

/** What `data-status` says of a restore: a v1.0 draft is "not-started", not one of the run states. */
export function restoreStatus(restore: Stated): string {
  return restore.draft ? 'not-started' : restore.state;
}

/**
 * A restore's state. A v1.0 draft maps to "stopped" (nothing runs), but nobody stopped it: it reads
 * "Not started", with the vendor's word (Creating) in the title as StatusBadge does.
 */
export function RestoreStateBadge({ restore }: { restore: Stated }) {
  if (!restore.draft) return <StatusBadge state={restore.state} vendorState={restore.vendorState} />;
  return (
    <Badge
      color="gray"
      variant="light"
      data-status="not-started"
      title={badgeTitle('Not started', restore.vendorState)}
    >
      Not started
    </Badge>
  );
}
