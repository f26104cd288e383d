import '@mantine/core/styles/Badge.css';
import { Badge } from '@mantine/core';
import type { RunState } from '../api/domain';

const LOOK: Record<RunState, { color: string; label: string }> = {
  queued: { color: 'gray', label: 'Queued' },
  running: { color: 'blue', label: 'Running' },
  stopping: { color: 'orange', label: 'Stopping' },
  succeeded: { color: 'green', label: 'Succeeded' },
  warning: { color: 'yellow', label: 'Warning' },
  failed: { color: 'red', label: 'Failed' },
  stopped: { color: 'gray', label: 'Stopped' },
  skipped: { color: 'gray', label: 'Skipped' },
  missed: { color: 'orange', label: 'Missed' },
};

export function runStateLabel(state: RunState): string {
  return LOOK[state].label;
}

/**
 * A run's state. `data-status` carries the vendor-neutral state for tests and styling; the vendor's own
 * word shows in the title when it says more than ours.
 */
export function StatusBadge({ state, vendorState }: { state: RunState; vendorState?: string | null }) {
  const { color, label } = LOOK[state];
  const detail = vendorState && vendorState.toLowerCase() !== label.toLowerCase() ? vendorState : undefined;
  return (
    <Badge color={color} variant="light" data-status={state} title={detail ? `${label} (${detail})` : label}>
      {label}
    </Badge>
  );
}
