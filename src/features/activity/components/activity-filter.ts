import { isInFlight, RUN_STATES } from '../../../api/domain';
import type { Run, RunKind, RunState } from '../../../api/domain';
import { isRecentRun, newestFirst } from '../../../api/run-parts';

/** The Activity view, in the URL's search params: connection, kind, state and time range. */
export interface ActivityFilters {
  connection: string;
  kind: RunKind | 'all';
  state: RunState | 'in-flight' | 'all';
  range: ActivityRange;
}

export const RANGES = {
  '1h': 3600e3,
  '24h': 86400e3,
  '7d': 7 * 86400e3,
  '30d': 30 * 86400e3,
  all: Infinity,
} as const;
export type ActivityRange = keyof typeof RANGES;

const KINDS: readonly string[] = ['backup', 'restore', 'job-session', 'restore-session'];
const STATES: readonly string[] = ['in-flight', ...RUN_STATES];
const DEFAULTS: Record<keyof ActivityFilters, string> = {
  connection: 'all',
  kind: 'all',
  state: 'all',
  range: '24h',
};

export function readActivityFilters(params: URLSearchParams): ActivityFilters {
  const kind = params.get('kind') ?? '';
  const state = params.get('state') ?? '';
  const range = params.get('range') ?? '';
  return {
    connection: params.get('connection') ?? 'all',
    kind: KINDS.includes(kind) ? (kind as RunKind) : 'all',
    state: STATES.includes(state) ? (state as ActivityFilters['state']) : 'all',
    range: range in RANGES ? (range as ActivityRange) : '24h',
  };
}

export function writeActivityFilters(
  params: URLSearchParams,
  change: Partial<ActivityFilters>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(change) as [keyof ActivityFilters, string][]) {
    if (value === DEFAULTS[name]) next.delete(name);
    else next.set(name, value);
  }
  return next;
}

/** Runs in flight always count as recent, whatever the range. Newest first. */
export function applyActivityFilters(runs: readonly Run[], f: ActivityFilters, now: number): Run[] {
  return newestFirst(
    runs.filter(
      (r) =>
        (f.connection === 'all' || r.connectionId === f.connection) &&
        (f.kind === 'all' || r.kind === f.kind) &&
        (f.state === 'all' || (f.state === 'in-flight' ? isInFlight(r.state) : r.state === f.state)) &&
        isRecentRun(r, now, RANGES[f.range]),
    ),
  );
}
