import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Checkbox.css';
import { Button, Group, Loader, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { ContentActionSpec, ContentItem } from '../../../../api/restore-content';
import { SearchInput } from '../../../../components/search-input';
import { ErrorState, LoadingState } from '../../../../components/states';
import { useSearchText } from '../../../../components/use-search-text';
import { VirtualTable } from '../../../../components/virtual-table';
import { formatCount } from '../../../../lib/format';
import { contentQueries } from '../../queries';
import { ContentActionDialog } from './content-action-dialog';
import { itemColumns } from './item-columns';
import type { ItemFilter } from './item-filter';
import { filterItems, isFiltered, typeChoices } from './item-filter';
import { useListFocusKept } from './list-focus';

/** The height of a row of the item list (px). */
const ROW_HEIGHT = 40;

export interface FolderPanelProps {
  connectionId: string;
  sessionId: string;
  nodeId: string;
  filter: ItemFilter;
  onFilterChange: (change: Partial<ItemFilter>) => void;
  hrefOf: (item: ContentItem) => string;
  /** The actions the person may run (empty for a person who may only browse). */
  actions: readonly ContentActionSpec[];
}

/**
 * One place's items: fetched page by page as the list scrolls (the first page small, so that its
 * rows show at once), searched and filtered among what is loaded, selected, and acted on.
 */
export function FolderPanel({
  connectionId,
  sessionId,
  nodeId,
  filter,
  onFilterChange,
  hrefOf,
  actions,
}: FolderPanelProps) {
  const node = useQuery(contentQueries.node(connectionId, sessionId, nodeId));
  const pages = useInfiniteQuery(contentQueries.items(connectionId, sessionId, nodeId));
  const [text, setText] = useSearchText(filter.text, (t) => onFilterChange({ text: t }));
  const [selected, setSelected] = useState<ReadonlyMap<string, ContentItem>>(new Map());
  const [acting, setActing] = useState<ContentActionSpec | null>(null);
  const keepListFocus = useListFocusKept(ROW_HEIGHT);

  const loaded = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const live = useMemo(() => ({ ...filter, text }), [filter, text]);
  const shown = useMemo(() => filterItems(loaded, live), [loaded, live]);
  const types = useMemo(() => typeChoices(loaded), [loaded]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  const more = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const selection = useMemo(
    () =>
      actions.length === 0
        ? null
        : {
            has: (id: string) => selected.has(id),
            toggle: (item: ContentItem) =>
              setSelected((s) => {
                const next = new Map(s);
                if (next.has(item.id)) next.delete(item.id);
                else next.set(item.id, item);
                return next;
              }),
          },
    [actions.length, selected],
  );
  const kind = node.data?.items ?? null;
  const columns = useMemo(() => itemColumns(kind, selection, hrefOf), [kind, selection, hrefOf]);

  if (node.isError) return <ErrorState error={node.error} onRetry={() => void node.refetch()} what="Place" />;
  const name = node.data?.name ?? 'Loading…';
  const chosen = [...selected.values()];
  const allShownSelected = shown.length > 0 && shown.every((i) => selected.has(i.id));
  const filtered = isFiltered(live);

  return (
    <Stack ref={keepListFocus} gap="sm" miw={0}>
      <Title order={2} size="h4">
        {name}
      </Title>
      {node.data && node.data.items === null ? (
        <Text size="sm" c="dimmed">
          {name} holds no items of its own: open one of its places in the tree.
        </Text>
      ) : (
        <>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <SearchInput label="Search" placeholder="Subject, name, text…" value={text} onChange={setText} />
            <TextInput
              label={kind === 'mail' ? 'Sender' : 'From or author'}
              value={filter.sender}
              onChange={(e) => onFilterChange({ sender: e.currentTarget.value })}
              w={180}
            />
            <TextInput
              type="date"
              label="From date"
              value={filter.after}
              onChange={(e) => onFilterChange({ after: e.currentTarget.value })}
              w={150}
            />
            <TextInput
              type="date"
              label="To date"
              value={filter.before}
              onChange={(e) => onFilterChange({ before: e.currentTarget.value })}
              w={150}
            />
            <NativeSelect
              label="Type"
              value={filter.type}
              data={
                types.some((t) => t.value === filter.type)
                  ? types
                  : [...types, { value: filter.type, label: filter.type }]
              }
              onChange={(e) => onFilterChange({ type: e.currentTarget.value })}
              w={160}
            />
          </Group>
          <Group gap="xs" justify="space-between" wrap="wrap">
            <Text size="sm" aria-live="polite" data-testid="item-count">
              {pages.isPending
                ? 'Loading the items…'
                : filtered
                  ? `${formatCount(shown.length)} of ${formatCount(loaded.length)} loaded items match${hasNextPage ? ' (load more to search them too)' : ''}`
                  : `${formatCount(loaded.length)} items${hasNextPage ? ' loaded, more as you scroll' : ''}`}
              {isFetchingNextPage && <Loader size="xs" ml="xs" aria-label="Loading more items" />}
            </Text>
            {filtered && hasNextPage && (
              <Button variant="subtle" size="xs" onClick={more} loading={isFetchingNextPage}>
                Load more items to search
              </Button>
            )}
            {selection && (
              <Group gap="xs">
                <Button
                  variant="default"
                  size="xs"
                  disabled={shown.length === 0}
                  onClick={() =>
                    setSelected((s) => {
                      const next = new Map(s);
                      for (const i of shown) {
                        if (allShownSelected) next.delete(i.id);
                        else next.set(i.id, i);
                      }
                      return next;
                    })
                  }
                >
                  {allShownSelected ? 'Clear the shown' : `Select the ${formatCount(shown.length)} shown`}
                </Button>
                <Text size="sm" fw={600}>
                  {formatCount(chosen.length)} selected
                </Text>
                {actions.map((a) => {
                  const fits = !a.appliesTo || chosen.every((i) => a.appliesTo!.includes(i.kind));
                  return (
                    <Button
                      key={a.key}
                      size="xs"
                      variant={a.verb === 'restore' ? 'filled' : 'light'}
                      disabled={chosen.length === 0 || !fits}
                      title={fits ? undefined : 'Not for the kind of items selected'}
                      onClick={() => setActing(a)}
                    >
                      {a.label}
                    </Button>
                  );
                })}
              </Group>
            )}
          </Group>
          {pages.isPending ? (
            <LoadingState label="Loading the items" rows={6} />
          ) : pages.isError ? (
            <ErrorState
              error={pages.error}
              onRetry={() => void pages.refetch()}
              title="Could not load the items"
            />
          ) : (
            <VirtualTable
              label={`Items in ${name}`}
              rows={shown}
              columns={columns}
              rowKey={(i) => `${i.id}|${i.version ?? ''}`}
              rowHeight={ROW_HEIGHT}
              minWidth={720}
              rowProps={(i) => ({
                'data-status': i.deleted ? 'deleted' : i.earlierVersion ? 'version' : 'current',
                'aria-selected': selection ? selection.has(i.id) : undefined,
              })}
              // While searching, only what is loaded is searched: more loads on request, not by itself.
              onEndReached={filtered ? undefined : more}
            />
          )}
        </>
      )}
      {acting && (
        <ContentActionDialog
          connectionId={connectionId}
          sessionId={sessionId}
          nodeId={nodeId}
          placeName={name}
          action={acting}
          items={chosen}
          onClose={() => setActing(null)}
        />
      )}
    </Stack>
  );
}
