import { Loader, Text } from '@mantine/core';
import {
  IconBrandTeams,
  IconChevronDown,
  IconChevronRight,
  IconFileText,
  IconFolder,
  IconList,
  IconMail,
  IconMessages,
  IconUser,
  IconWorld,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { FocusEvent, KeyboardEvent, MouseEvent } from 'react';
import { useCallback, useEffect, useState } from 'react';
import type { ContentNode, NodeKind } from '../../../../api/restore-content';
import { contentQueries } from '../../queries';
import classes from './explorer.module.css';

const ICONS: Record<NodeKind, typeof IconFolder> = {
  mailbox: IconMail,
  'mail-folder': IconFolder,
  onedrive: IconUser,
  folder: IconFolder,
  site: IconWorld,
  list: IconList,
  library: IconFileText,
  team: IconBrandTeams,
  channel: IconMessages,
  posts: IconMessages,
  files: IconFolder,
};

interface TreeProps {
  connectionId: string;
  sessionId: string;
  selectedId: string | null;
  /** `above`: the places above it, from its root down (what the tree went through to show it). */
  onSelect: (node: ContentNode, above: readonly string[]) => void;
  /** The places above the selected one (from a deep link): they open so that it is in view. */
  unfold?: readonly string[];
}

/**
 * Which item is the tree's one tab stop (roving tabindex, WAI-ARIA tree pattern): the item focused
 * last while it is in view and the selection has not changed since; else the selected place, or the nearest place above it that is in view
 * (closed, or its places not listed yet), found along `chain` (the places from a root down to the
 * selected one); else the first item.
 */
type TabStop = { id: string } | { chain: readonly string[] };

/** Moves focus among the visible tree items (WAI-ARIA tree pattern: arrows, Home, End). */
function moveFocus(from: HTMLElement, step: 1 | -1 | 'first' | 'last') {
  const tree = from.closest('[role="tree"]');
  const items = [...(tree?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])];
  const at = items.indexOf(from);
  const next =
    step === 'first'
      ? items[0]
      : step === 'last'
        ? items.at(-1)
        : items[Math.max(0, Math.min(items.length - 1, at + step))];
  next?.focus();
}

/**
 * The session's places as a tree: mailboxes → folders, OneDrives → folders, sites → lists and
 * libraries → folders, teams → channels → posts and files. Each level is read when it is opened.
 */
export function ContentTree(props: TreeProps) {
  const roots = useQuery(contentQueries.nodes(props.connectionId, props.sessionId, null));
  const { connectionId, sessionId, selectedId } = props;
  const path = useQuery({
    ...contentQueries.path(connectionId, sessionId, selectedId ?? ''),
    enabled: selectedId !== null,
  });
  const unfold = path.data;
  // The item focused last: it stays the tab stop while it is in view (it forgets itself when a
  // closed place above it hides it).
  const [focused, setFocused] = useState<string | null>(null);
  const onFocusItem = useCallback((id: string) => setFocused(id), []);
  const onHidden = useCallback((id: string) => setFocused((f) => (f === id ? null : f)), []);
  // A selection changed from outside the tree (Back, Forward, a link) makes the selected place the
  // tab stop again, so that Tab into the tree lands on it; one changed in the tree is the item
  // focused anyway.
  const [selectedBefore, setSelectedBefore] = useState(selectedId);
  if (selectedBefore !== selectedId) {
    setSelectedBefore(selectedId);
    setFocused(null);
  }
  const chain = selectedId === null ? [] : [...(unfold ?? []), selectedId];
  const first = roots.data?.[0]?.id ?? '';
  const tabStop: TabStop =
    focused !== null
      ? { id: focused }
      : chain.length > 0 && roots.data?.some((r) => r.id === chain[0])
        ? { chain }
        : { id: first };
  return (
    <nav aria-label="Places in this restore session" className={classes.treeBox}>
      {roots.isPending ? (
        <Loader size="sm" aria-label="Loading the places" />
      ) : roots.isError ? (
        <Text size="sm" c="red" role="alert">
          Could not read the places: {roots.error.message}
        </Text>
      ) : roots.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          This restore session holds nothing at its point in time.
        </Text>
      ) : (
        <ul role="tree" aria-label="Places" className={classes.tree}>
          {roots.data.map((n) => (
            <TreeItem
              key={n.id}
              {...props}
              unfold={unfold}
              tabStop={tabStop}
              onFocusItem={onFocusItem}
              onHidden={onHidden}
              node={n}
              above={[]}
              level={1}
            />
          ))}
        </ul>
      )}
    </nav>
  );
}

interface ItemProps extends TreeProps {
  node: ContentNode;
  above: readonly string[];
  level: number;
  tabStop: TabStop;
  onFocusItem: (id: string) => void;
  /** Told when the item leaves the tree (a place above it closed). */
  onHidden: (id: string) => void;
}

function TreeItem({ node, above, level, ...props }: ItemProps) {
  const [open, setOpen] = useState(false);
  // Opened once when a deep link's place lies below it; the person may close it again.
  const onPath = props.unfold?.includes(node.id) ?? false;
  const [unfolded, setUnfolded] = useState(false);
  if (onPath && !unfolded) {
    setUnfolded(true);
    setOpen(true);
  }
  const children = useQuery({
    ...contentQueries.nodes(props.connectionId, props.sessionId, node.id),
    enabled: open && node.expandable,
  });
  const selected = props.selectedId === node.id;
  const Icon = ICONS[node.kind];
  const leaf = !node.expandable || (children.isSuccess && children.data.length === 0);
  const { tabStop, onHidden } = props;
  const tabbable =
    'id' in tabStop
      ? tabStop.id === node.id
      : tabStop.chain[level - 1] === node.id &&
        above.every((id, i) => tabStop.chain[i] === id) &&
        // The selected place itself, or the nearest place above it in view: its next place is not shown.
        (level === tabStop.chain.length ||
          !(open && children.isSuccess && children.data.some((c) => c.id === tabStop.chain[level])));
  useEffect(() => () => onHidden(node.id), [onHidden, node.id]);
  // Events of the items below bubble up here: each item answers only its own.
  const own = (e: { target: EventTarget; currentTarget: HTMLElement }) =>
    (e.target as HTMLElement).closest('[role="treeitem"]') === e.currentTarget;
  const onClick = (e: MouseEvent<HTMLElement>) => {
    if (!own(e)) return;
    if ((e.target as HTMLElement).closest('[data-twisty]')) {
      if (!leaf) setOpen((o) => !o);
      return;
    }
    props.onSelect(node, above);
    if (!leaf && !open) setOpen(true);
  };
  const onFocus = (e: FocusEvent<HTMLElement>) => {
    if (own(e)) props.onFocusItem(node.id);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (!own(e)) return;
    const el = e.currentTarget;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveFocus(el, 1),
      ArrowUp: () => moveFocus(el, -1),
      Home: () => moveFocus(el, 'first'),
      End: () => moveFocus(el, 'last'),
      ArrowRight: () => (leaf ? undefined : open ? moveFocus(el, 1) : setOpen(true)),
      ArrowLeft: () =>
        open && !leaf ? setOpen(false) : el.parentElement?.closest<HTMLElement>('[role="treeitem"]')?.focus(),
      Enter: () => props.onSelect(node, above),
      ' ': () => props.onSelect(node, above),
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  };
  return (
    // The tree item is the focusable widget (WAI-ARIA tree view): it answers its own clicks and keys.

    <li
      role="treeitem"
      aria-level={level}
      aria-selected={selected}
      aria-expanded={leaf ? undefined : open}
      aria-label={node.name}
      data-kind={node.kind}
      tabIndex={tabbable ? 0 : -1}
      className={classes.treeItem}
      onFocus={onFocus}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      <div
        className={classes.treeRow}
        data-selected={selected || undefined}
        style={{ paddingLeft: 4 + (level - 1) * 16 }}
        title={node.detail ?? node.name}
      >
        <span className={classes.twisty} data-twisty aria-hidden>
          {leaf ? null : open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
        </span>
        <Icon size={16} aria-hidden />
        <span className={classes.treeName}>{node.name}</span>
      </div>
      {open && node.expandable && (
        <ul role="group" className={classes.tree}>
          {children.isPending ? (
            <li role="none" className={classes.treeNote}>
              <Loader size="xs" aria-label={`Loading ${node.name}`} />
            </li>
          ) : children.isError ? (
            <li role="none" className={classes.treeNote}>
              <Text size="xs" c="red">
                {children.error.message}
              </Text>
            </li>
          ) : (
            children.data.map((c) => (
              <TreeItem key={c.id} {...props} node={c} above={[...above, node.id]} level={level + 1} />
            ))
          )}
        </ul>
      )}
    </li>
  );
}
