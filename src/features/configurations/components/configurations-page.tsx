import { useQueries } from '@tanstack/react-query';
import { useDeferredValue, useMemo } from 'react';
import { useSameArray } from '../../../components/use-same-array';
import { useSearchParams } from 'react-router';
import type { Configuration } from '../../../api/domain';
import { LiveIndicator } from '../../../components/live-indicator';
import { usePageAccess } from '../../../components/page-access';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { configurationQueries } from '../queries';
import {
  applyConfigurationFilters,
  indexConfigurations,
  readConfigurationFilters,
  writeConfigurationFilters,
} from './configurations-filter';
import type { ConfigurationFilters } from './configurations-filter';
import { ConfigurationsTable } from './configurations-table';
import { ConfigurationsToolbar } from './configurations-toolbar';
import { WakeAgentsButton } from './wake-agents-button';

const EMPTY: Configuration[] = [];

/** Every Rackspace configuration across connections; one list request per connection per tick. */
export function ConfigurationsPage() {
  const access = usePageAccess();
  const connections = access.signedIn.filter((c) => access.capabilities(c.id).configurations);
  const [params, setParams] = useSearchParams();
  const filters = readConfigurationFilters(params);
  const results = useQueries({ queries: connections.map((c) => configurationQueries.list(c.id)) });

  // Re-indexed only when an answer changes (structural sharing keeps unchanged lists identical).
  const lists = useSameArray(results.map((r) => r.data ?? EMPTY));
  const indexed = useMemo(() => indexConfigurations(lists.flat()), [lists]);
  // Typing stays responsive: the list filters a beat behind the box on a big data set.
  const deferred = useDeferredValue(filters);
  const rows = useMemo(() => applyConfigurationFilters(indexed, deferred), [indexed, deferred]);
  const failed = results.map((r, i) => ({ r, c: connections[i] })).filter(({ r }) => r.isError && !r.data);
  const loading = results.some((r) => r.isPending);

  const change = (patch: Partial<ConfigurationFilters>) =>
    setParams((old) => writeConfigurationFilters(old, patch), { replace: true });

  return (
    <>
      <PageHeader
        title="Configurations"
        description="Rackspace backup configurations: schedule, last and next run."
        actions={
          <>
            {connections.map((c) => (
              <WakeAgentsButton key={c.id} connectionId={c.id} />
            ))}
            <LiveIndicator />
          </>
        }
      />
      {failed.map(({ r, c }) => (
        <ErrorState
          key={c?.id}
          title={`Could not load ${c?.label ?? 'a connection'}`}
          error={r.error}
          onRetry={() => void r.refetch()}
        />
      ))}
      {connections.length === 0 ? (
        <EmptyState title="No Rackspace connection signed in">
          Configurations come from Rackspace connections.
        </EmptyState>
      ) : (
        <>
          <ConfigurationsToolbar
            filters={filters}
            connections={connections}
            onChange={change}
            shown={rows.length}
            total={indexed.length}
          />
          {loading && indexed.length === 0 ? (
            <LoadingState label="Loading configurations" />
          ) : rows.length === 0 ? (
            <EmptyState
              title={
                indexed.length === 0 ? 'No configurations yet' : 'No configuration matches these filters'
              }
            />
          ) : (
            <ConfigurationsTable rows={rows} sort={filters.sort} onSort={(sort) => change({ sort })} />
          )}
        </>
      )}
    </>
  );
}
