import '@mantine/core/styles/Input.css';
import { Group, NativeSelect, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { memo } from 'react';
import type { Connection } from '../api/domain';
import { formatCount } from '../lib/format';
import type { ListFilter, ListView } from './list-view';
import { PageHeader } from './page-header';
import { SearchInput } from './search-input';
import { EmptyState, ErrorState, LoadingState, NotAnsweringState, RefreshFailedState } from './states';
import type { ConnectionFailure } from './use-live-runs';

/**
 * The connection's and the page's filters. Memoised: what they are given stays the same while only the
 * search text changes, so a keystroke does not re-render their selects.
 */
const FilterSelects = memo(function FilterSelects({
  filters,
  values,
  setFilter,
}: {
  filters: readonly Pick<ListFilter<unknown>, 'param' | 'label' | 'options'>[];
  values: readonly string[];
  setFilter: (param: string, value: string) => void;
}) {
  return filters.map((f, i) => (
    <NativeSelect
      key={f.param}
      label={f.label}
      value={values[i]}
      onChange={(e) => setFilter(f.param, e.currentTarget.value)}
      data={f.options}
    />
  ));
});

/**
 * Search, the connection and the page's filters, and how many rows of how many are shown. The search
 * text is the page's (useSearchText): it filters at once and reaches the URL when typing pauses; the
 * other filters go into the URL as they change. `counted`: the rows are known, so the count is true;
 * `loadingMore`: some are shown while another connection's first answer is still on its way, so the
 * count may still grow (and rows appear among those shown).
 */
export function ListToolbar<T, K extends string>({
  view,
  counted,
  loadingMore = false,
}: {
  view: ListView<T, K>;
  counted: boolean;
  loadingMore?: boolean;
}) {
  const { spec, filters, values, shown, total } = view;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="sm">
      <SearchInput
        label={spec.search.label}
        placeholder={spec.search.placeholder}
        value={view.search}
        onChange={view.setSearch}
      />
      <FilterSelects filters={filters} values={values} setFilter={view.setFilter} />
      {loadingMore && (
        <Text size="sm" c="dimmed" ml="auto">
          Loading more…
        </Text>
      )}
      {counted && (
        <Text size="sm" ml={loadingMore ? undefined : 'auto'} role="status" aria-live="polite">
          {shown.length === total
            ? `${formatCount(total)} ${spec.many}`
            : `${formatCount(shown.length)} of ${formatCount(total)} ${spec.many}`}
        </Text>
      )}
    </Group>
  );
}

/** The page's header, which a keystroke in the search box leaves as it is (the page keeps its props). */
const ListHeader = memo(PageHeader);

/**
 * The frame of every list page (Configurations, Jobs, Restores, Restore sessions): its header, then
 * what is true of the connections it reads, in one order on every page —
 * - none signed in: says which connections the page needs;
 * - a connection whose first load failed: its error with a retry (the others' rows still show);
 * - a connection whose refresh failed: says so, and its last rows stay on screen;
 * - the toolbar; then loading, nothing yet, nothing matching, or the table.
 */
export function ListFrame<T, K extends string>({
  title,
  description,
  actions,
  children,
  connections,
  noConnection,
  lists,
  empty,
  view,
  table,
}: {
  title: string;
  description: ReactNode;
  actions?: ReactNode;
  /** Dialogs the route owns (rendered under the header). */
  children?: ReactNode;
  connections: readonly Connection[];
  /** What to say when no connection of the page's kind is signed in. */
  noConnection: { title: string; body: ReactNode };
  /** What the connections' lists came to (useConnectionLists, with any other query of the page). */
  lists: {
    pending: boolean;
    failures: readonly ConnectionFailure[];
    stale: readonly ConnectionFailure[];
    /** Connections whose first answer has not come after a while (named, the others shown). */
    notAnswering?: readonly Connection[];
  };
  /** What to say when the connections hold no row at all. */
  empty: { title: string; body?: ReactNode };
  view: ListView<T, K>;
  /** The table of `view.shown`; shown only when there is a row to show. */
  table: ReactNode;
}) {
  const { spec, shown, total } = view;
  const { pending, failures, stale, notAnswering = [] } = lists;
  // One notice per connection: a list that never loaded says so, not also that it did not refresh.
  const refreshes = stale.filter((s) => !failures.some((f) => f.connection.id === s.connection.id));
  // A connection that failed says so; one of its other reads still on its way does not also name it.
  const slow = notAnswering.filter((c) => !failures.some((f) => f.connection.id === c.id));
  return (
    <>
      <ListHeader title={title} description={description} actions={actions} />
      {children}
      {connections.length === 0 ? (
        <EmptyState title={noConnection.title}>{noConnection.body}</EmptyState>
      ) : (
        <>
          {(failures.length > 0 || refreshes.length > 0 || slow.length > 0) && (
            <Stack gap="xs" mb="sm">
              {failures.map((f) => (
                <ErrorState
                  key={f.connection.id}
                  title={`Could not load the ${spec.many} of ${f.connection.label}`}
                  source={f.connection.label}
                  what={spec.many}
                  error={f.error}
                  onRetry={f.retry}
                />
              ))}
              {refreshes.map((f) => (
                <RefreshFailedState
                  key={f.connection.id}
                  title={`Could not refresh the ${spec.many} of ${f.connection.label}`}
                  error={f.error}
                  dataAt={f.dataAt}
                  onRetry={f.retry}
                />
              ))}
              {slow.map((c) => (
                <NotAnsweringState key={c.id} source={c.label} what={spec.many} />
              ))}
            </Stack>
          )}
          {/* No count while the first answers are on their way: "0 jobs" would not be true. */}
          <ListToolbar view={view} counted={!(pending && total === 0)} loadingMore={pending && total > 0} />
          {pending && total === 0 ? (
            <LoadingState label={`Loading ${spec.many}`} />
          ) : total === 0 ? (
            failures.length === 0 && <EmptyState title={empty.title}>{empty.body}</EmptyState>
          ) : shown.length === 0 ? (
            <EmptyState title={`No ${spec.one} matches these filters`}>
              Change the search or the filters.
            </EmptyState>
          ) : (
            table
          )}
        </>
      )}
    </>
  );
}
