import type { RunState } from '../api/domain';
import { peopleWords, sameWord } from '../lib/vendor-words';
import { LightBadge } from './light-badge';
import { VENDOR_WORD_LABEL } from './vendor-word';

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

/** "Warning: completed with errors (the service's word: CompletedWithErrors)"; the label alone when that says all. */
export function badgeTitle(label: string, vendorState?: string | null): string {
  if (!vendorState || sameWord(vendorState, label)) return label;
  const words = peopleWords(vendorState);
  const said = sameWord(words, label) ? label : `${label}: ${words.toLowerCase()}`;
  return `${said} (${VENDOR_WORD_LABEL.toLowerCase()}: ${vendorState})`;
}

/**
 * The width of a column of state badges: the widest label ("Not started", "Succeeded") plus the
 * badge's and the cell's padding, in rem so that it grows with the text.
 */
export const STATE_COLUMN_WIDTH = '9rem';

export function runStateLabel(state: RunState): string {
  return LOOK[state].label;
}

/**
 * A run's state. `data-status` carries the vendor-neutral state for tests and styling; the vendor's own
 * word shows in the title when it says more than ours.
 */
export function StatusBadge({ state, vendorState }: { state: RunState; vendorState?: string | null }) {
  const { color, label } = LOOK[state];
  return (
    <LightBadge color={color} variant="light" data-status={state} title={badgeTitle(label, vendorState)}>
      {label}
    </LightBadge>
  );
}
