import { Group, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ContentItem, ContentNode } from '../../../../api/restore-content';
import { EmptyState } from '../../../../components/states';
import { formatDateTime } from '../../../../lib/format';
import { contentQueries } from '../../queries';
import { ContentTree } from './content-tree';
import classes from './explorer.module.css';
import { FolderPanel } from './folder-panel';
import { ItemDetails } from './item-details';
import type { ItemFilter } from './item-filter';

const FILTER_KEYS = { text: 'q', sender: 'sender', after: 'after', before: 'before', type: 'type' } as const;

/**
 * Working inside an open restore session: the organization and point in time always in view, the
 * places as a tree, the chosen place's items, an item's details. The place, the item and the filters
 * live in the URL (`?folder=…&item=…&q=…`), so that a link opens the same view.
 */
export function SessionExplorer({
  connectionId,
  sessionId,
  mayRestore,
}: {
  connectionId: string;
  sessionId: string;
  /** Restore, save and send (support and admin); browsing alone shows no actions. */
  mayRestore: boolean;
}) {
  const [params, setParams] = useSearchParams();
  const folder = params.get('folder');
  const itemId = params.get('item');
  const summary = useQuery(contentQueries.summary(connectionId, sessionId));
  const actions = useQuery({
    ...contentQueries.actions(connectionId, summary.data?.kind ?? 'exchange'),
    enabled: mayRestore && summary.isSuccess,
  });

  const update = useCallback(
    (changes: Record<string, string | null>, push = false) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          for (const [k, v] of Object.entries(changes)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          return next;
        },
        { replace: !push },
      ),
    [setParams],
  );
  const filter: ItemFilter = {
    text: params.get(FILTER_KEYS.text) ?? '',
    sender: params.get(FILTER_KEYS.sender) ?? '',
    after: params.get(FILTER_KEYS.after) ?? '',
    before: params.get(FILTER_KEYS.before) ?? '',
    type: params.get(FILTER_KEYS.type) ?? '',
  };
  const onFilterChange = useCallback(
    (change: Partial<ItemFilter>) =>
      update(
        Object.fromEntries(Object.entries(change).map(([k, v]) => [FILTER_KEYS[k as keyof ItemFilter], v])),
      ),
    [update],
  );
  const hrefOf = useCallback(
    (item: ContentItem) => {
      const next = new URLSearchParams(params);
      next.set('item', item.id);
      return `?${next.toString()}`;
    },
    [params],
  );
  const queryClient = useQueryClient();
  const select = (node: ContentNode, above: readonly string[]) => {
    // The tree already holds the place and the places above it: no request asks for them again. Its
    // first items are asked for now, not once the panel has rendered in the navigation's transition
    // (about 50–150 ms later on this machine).
    queryClient.setQueryData(contentQueries.node(connectionId, sessionId, node.id).queryKey, node);
    queryClient.setQueryData(contentQueries.path(connectionId, sessionId, node.id).queryKey, [...above]);
    void queryClient.prefetchInfiniteQuery(contentQueries.items(connectionId, sessionId, node.id));
    update(
      { folder: node.id, item: null, q: null, sender: null, after: null, before: null, type: null },
      true,
    );
  };
  const list = useMemo(() => (mayRestore ? (actions.data ?? []) : []), [mayRestore, actions.data]);
  const s = summary.data;

  return (
    <section aria-label="Content of the restore session">
      <Group className={classes.context} gap="lg" data-testid="session-context">
        <Text size="sm">
          <Text span c="dimmed">
            Organization{' '}
          </Text>
          <Text span fw={600}>
            {s?.organizationName ?? '…'}
          </Text>
        </Text>
        <Text size="sm">
          <Text span c="dimmed">
            Point in time{' '}
          </Text>
          <Text span fw={600}>
            {s ? (s.pointInTime ? formatDateTime(s.pointInTime) : 'the backup the session opened') : '…'}
          </Text>
        </Text>
        {summary.isError && (
          <Text size="sm" c="red" role="alert">
            {summary.error.message}
          </Text>
        )}
      </Group>
      <div className={classes.layout}>
        <ContentTree
          connectionId={connectionId}
          sessionId={sessionId}
          selectedId={folder}
          onSelect={select}
        />
        {folder ? (
          <FolderPanel
            key={folder}
            connectionId={connectionId}
            sessionId={sessionId}
            nodeId={folder}
            filter={filter}
            onFilterChange={onFilterChange}
            hrefOf={hrefOf}
            actions={list}
          />
        ) : (
          <EmptyState title="Choose a place">
            Open a mailbox, OneDrive, site or team in the tree, then a folder, to see its items.
          </EmptyState>
        )}
      </div>
      {folder && itemId && (
        <ItemDetails
          connectionId={connectionId}
          sessionId={sessionId}
          nodeId={folder}
          itemId={itemId}
          onClose={() => update({ item: null })}
        />
      )}
    </section>
  );
}
