import { useDeferredValue, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { FilterOption } from '../../../components/filter-row';
import { FilterRow, FilterSelect } from '../../../components/filter-row';
import { LiveIndicator } from '../../../components/live-indicator';
import { usePageAccess } from '../../../components/page-access';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { RUN_KIND_LABEL } from '../../../components/run-links';
import { RUN_STATES } from '../../../api/domain';
import type { RunKind } from '../../../api/domain';
import { runStateLabel } from '../../../components/status-badge';
import { useLiveRuns } from '../../../components/use-live-runs';
import { formatCount } from '../../../lib/format';
import type { ActivityFilters } from './activity-filter';
import { applyActivityFilters, readActivityFilters, writeActivityFilters } from './activity-filter';
import { ActivityTable } from './activity-table';

const KIND_OPTIONS: FilterOption<ActivityFilters['kind']>[] = [
  { value: 'all', label: 'All kinds' },
  ...Object.entries(RUN_KIND_LABEL).map(([value, label]) => ({ value: value as RunKind, label })),
];

const STATE_OPTIONS: FilterOption<ActivityFilters['state']>[] = [
  { value: 'all', label: 'Any state' },
  { value: 'in-flight', label: 'In flight' },
  ...RUN_STATES.map((s) => ({ value: s, label: runStateLabel(s) })),
];

const RANGE_OPTIONS: FilterOption<ActivityFilters['range']>[] = [
  { value: '1h', label: 'Last hour' },
  { value: '24h', label: 'Last 24 hours' },
  { value: '7d', label: 'Last 7 days' },
  { value: '30d', label: 'Last 30 days' },
  { value: 'all', label: 'All time' },
];

/** Every run of every connection: backups, restores, job sessions, restore sessions. */
export function ActivityPage() {
  const access = usePageAccess();
  const [params, setParams] = useSearchParams();
  const filters = readActivityFilters(params);
  // One query per feed of each connection, each at the pace of what it holds.
  const live = useLiveRuns(access.signedIn);
  const all = live.runs;
  const deferred = useDeferredValue(filters);
  // The time range is measured from the newest answer, so it moves with the data, not with renders.
  const asOf = live.updatedAt;
  const rows = useMemo(() => applyActivityFilters(all, deferred, asOf), [all, deferred, asOf]);
  const loading = live.pending;
  const change = (patch: Partial<ActivityFilters>) =>
    setParams((old) => writeActivityFilters(old, patch), { replace: true });

  return (
    <>
      <PageHeader
        title="Activity"
        description="Every run across connections, newest first."
        actions={<LiveIndicator />}
      />
      {live.failures.map((f) => (
        <ErrorState
          key={f.connection.id}
          title={`Could not load ${f.connection.label}`}
          source={f.connection.label}
          error={f.error}
          onRetry={f.retry}
        />
      ))}
      <FilterRow count={`${formatCount(rows.length)} runs`}>
        <FilterSelect
          label="Connection"
          view={filters}
          name="connection"
          onChange={change}
          options={[
            { value: 'all', label: 'All connections' },
            ...access.signedIn.map((c) => ({ value: c.id, label: c.label })),
          ]}
        />
        <FilterSelect label="Kind" view={filters} name="kind" onChange={change} options={KIND_OPTIONS} />
        <FilterSelect label="State" view={filters} name="state" onChange={change} options={STATE_OPTIONS} />
        <FilterSelect
          label="Time range"
          view={filters}
          name="range"
          onChange={change}
          options={RANGE_OPTIONS}
        />
      </FilterRow>
      {access.signedIn.length === 0 ? (
        <EmptyState title="No connection signed in" />
      ) : loading && all.length === 0 ? (
        <LoadingState label="Loading the activity" />
      ) : rows.length === 0 ? (
        <EmptyState title={all.length === 0 ? 'No runs yet' : 'No run matches these filters'}>
          {all.length > 0 && 'Try a longer time range.'}
        </EmptyState>
      ) : (
        <ActivityTable runs={rows} />
      )}
    </>
  );
}
