import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/UnstyledButton.css';
import { Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CSSProperties, HTMLAttributes, ReactNode, RefObject } from 'react';
import { Fragment, memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import classes from './cells.module.css';
import { useStableCallback } from './use-stable-callback';

/** How near the end (in rows) the next page is asked for. */
const END_MARGIN_ROWS = 40;

/** A box this narrow or narrower (in its own font's em) hides the optional columns. */
const NARROW_EM = 40;

/**
 * Marks the box `data-narrow` while its width is at most NARROW_EM (cells.module.css hides the optional
 * columns then), as a container query would, without making the box a query container: that made
 * every layout inside it dearer (a keystroke's layout of the rows in view took about 1.2 ms more,
 * `BENCH_PROFILE=1 npm run bench`). Observed before the first paint, so the first frame is right.
 */
function useNarrowMark(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const em = Number.parseFloat(getComputedStyle(box).fontSize) || 16;
      box.toggleAttribute('data-narrow', entry.contentRect.width <= NARROW_EM * em);
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [ref]);
}

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** A length (px or rem): the layout is fixed, so a column never grows with its content. */
  width?: number | string;
  sortable?: boolean;
  align?: 'left' | 'right';
  /**
   * The cell holds no state of its own (no hook with state, no dialog, no pending command): when
   * another row takes over a row's place in view, its cell is rewritten in place instead of being made
   * afresh (a keystroke on a 10,000-row list then changes text, not elements). Other cells are made
   * afresh for each row that takes the place.
   */
  stateless?: boolean;
  /**
   * Gives way on a narrow screen: hidden while the table's box is narrower than 40em, so that the
   * name and the state stay in view without scrolling sideways (the row's page shows the rest).
   */
  optional?: boolean;
}

export type SortDir = 'asc' | 'desc';
export interface SortState {
  key: string;
  dir: SortDir;
}

export interface VirtualTableProps<T> {
  label: string;
  rows: readonly T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** Extra attributes per row, e.g. data-status. */
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
  sort?: SortState | null;
  onSortChange?: (sort: SortState) => void;
  rowHeight?: number;
  maxHeight?: CSSProperties['maxHeight'];
  /**
   * Below this width the box scrolls sideways instead of squeezing the columns; a box narrower than
   * 40em hides the optional columns instead and fits the rest to its width.
   */
  minWidth?: number;
  /** Called when the rows in view come within a screenful of the last row (to fetch the next page). */
  onEndReached?: () => void;
}

/**
 * A real <table> that renders only the rows in view plus a few, with spacer rows standing for the
 * rest, so 10,000 rows cost what 30 do. The scroll box is focusable so the keyboard can scroll it.
 */
export function VirtualTable<T>({
  label,
  rows,
  columns,
  rowKey,
  rowProps,
  sort,
  onSortChange,
  rowHeight = 52,
  maxHeight = 'calc(100dvh - 240px)',
  minWidth = 860,
  onEndReached,
}: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  useNarrowMark(scrollRef);
  // The same function from render to render, so that the header row re-renders only when it changes.
  const sortChange = useStableCallback((next: SortState) => onSortChange?.(next));
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used this way
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    // Two rows beyond the box each way, enough for a wheel notch: every keystroke and poll renders 13
    // rows instead of 15 at 1440x900 (four each way). The keystroke gained 0-8 % in three A/B runs of
    // 100 keystrokes each (bench/ab.ts): small, and within the machine's swing.
    overscan: 2,
    // Lets the first render (and jsdom, which has no layout) show rows before measuring.
    initialRect: { width: 1024, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const lastInView = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (onEndReached && rows.length > 0 && lastInView >= rows.length - 1 - END_MARGIN_ROWS) onEndReached();
  }, [onEndReached, lastInView, rows.length]);
  const [rowSlots] = useState(() => new RowSlots());
  const slots = rowSlots.assign(items.map((item) => rowKey(rows[item.index] as T)));
  // Once per render, not per cell: a keystroke renders every cell in view.
  const cellClasses = columns.map(cellClass);
  const rowStyle = { height: rowHeight };
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <div
      ref={scrollRef}
      // Keyboard users must be able to scroll the box (axe: scrollable-region-focusable).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      role="region"
      aria-label={`${label}, ${rows.length} rows`}
      className={classes.scroller}
      style={{ maxHeight, minHeight: Math.min(rows.length + 1, 6) * rowHeight, overflow: 'auto' }}
    >
      <Table
        stickyHeader
        highlightOnHover
        aria-label={label}
        aria-rowcount={rows.length + 1}
        layout="fixed"
        className={classes.table}
        style={{ '--table-min-width': `${minWidth}px` }}
      >
        <HeaderRow columns={columns} sort={sort} onSortChange={onSortChange ? sortChange : undefined} />
        <Table.Tbody>
          {top > 0 && <tr aria-hidden style={{ height: top }} />}
          {items.map((item, i) => {
            const row = rows[item.index] as T;
            const key = rowKey(row);
            // Plain rows and cells (styled as Mantine's, cells.module.css): dozens of them render on
            // every keystroke and poll. A row keeps its <tr> while it stays in view; one coming into
            // view takes over the <tr> of one that left (RowSlots).
            return (
              <tr
                key={slots[i]}
                className={classes.row}
                aria-rowindex={item.index + 2}
                style={rowStyle}
                {...rowProps?.(row)}
              >
                {columns.map((col, c) => (
                  <td key={col.key} className={cellClasses[c]}>
                    {col.stateless ? col.cell(row) : <Fragment key={key}>{col.cell(row)}</Fragment>}
                  </td>
                ))}
              </tr>
            );
          })}
          {bottom > 0 && <tr aria-hidden style={{ height: bottom }} />}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/**
 * Slots (the React keys of the <tr>s) for the row keys in view: a row that was in view keeps its slot,
 * a row coming into view takes the slot of one that left, or a new one. So a keystroke that swaps the
 * rows in view reuses their elements, and a row that stays in view keeps its own.
 */
export class RowSlots {
  private previous = new Map<string, number>();

  assign(keys: readonly string[]): number[] {
    const taken = new Set<number>();
    const kept = keys.map((k) => {
      const slot = this.previous.get(k);
      if (slot === undefined || taken.has(slot)) return undefined;
      taken.add(slot);
      return slot;
    });
    const free = [...this.previous.values()].filter((slot) => !taken.has(slot)).sort((a, b) => a - b);
    let next = Math.max(-1, ...this.previous.values()) + 1;
    const slots = kept.map((slot) => slot ?? free.shift() ?? next++);
    this.previous = new Map(keys.map((k, i) => [k, slots[i]!]));
    return slots;
  }
}

function cellClass<T>(col: Column<T>): string {
  return [classes.cell, col.align === 'right' && classes.right, col.optional && classes.optional]
    .filter(Boolean)
    .join(' ');
}

/** A header's classes: optional columns give way; a share of the width (%) is dropped when narrow. */
function headerClass<T>(col: Column<T>): string | undefined {
  const share = typeof col.width === 'string' && col.width.endsWith('%');
  return [col.optional && classes.optional, share && classes.share].filter(Boolean).join(' ') || undefined;
}

interface HeaderRowProps<T> {
  columns: Column<T>[];
  sort?: SortState | null;
  onSortChange?: (sort: SortState) => void;
}

/** What a column's header shows: the header row is made anew only when one of these changes. */
function sameHeaders<T>(a: readonly Column<T>[], b: readonly Column<T>[]): boolean {
  return (
    a.length === b.length &&
    a.every((col, i) => {
      const other = b[i]!;
      return (
        col.key === other.key &&
        col.header === other.header &&
        col.width === other.width &&
        col.sortable === other.sortable &&
        col.align === other.align &&
        col.optional === other.optional
      );
    })
  );
}

/**
 * The header row, memoised on what it shows: a keystroke in a list's search box re-renders the table
 * with new rows, while its column headers (Mantine's cells and buttons) stay as they were. The
 * columns are made anew on every render of a table, so they are compared by what the header reads.
 */
const HeaderRow = memo(
  function HeaderRow<T>({ columns, sort, onSortChange }: HeaderRowProps<T>) {
    return (
      <Table.Thead>
        <Table.Tr aria-rowindex={1}>
          {columns.map((col) => (
            <HeaderCell key={col.key} column={col} sort={sort} onSortChange={onSortChange} />
          ))}
        </Table.Tr>
      </Table.Thead>
    );
  },
  (a, b) =>
    a.onSortChange === b.onSortChange &&
    a.sort?.key === b.sort?.key &&
    a.sort?.dir === b.sort?.dir &&
    sameHeaders(a.columns, b.columns),
) as <T>(props: HeaderRowProps<T>) => ReactNode;

function HeaderCell<T>({
  column,
  sort,
  onSortChange,
}: {
  column: Column<T>;
  sort?: SortState | null;
  onSortChange?: (sort: SortState) => void;
}) {
  const active = sort?.key === column.key ? sort.dir : null;
  const ariaSort = active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : undefined;
  if (!column.sortable || !onSortChange) {
    return (
      <Table.Th w={column.width} ta={column.align} className={headerClass(column)}>
        {column.header}
      </Table.Th>
    );
  }
  const Icon = active === 'asc' ? IconArrowUp : active === 'desc' ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th w={column.width} aria-sort={ariaSort} ta={column.align} className={headerClass(column)}>
      <UnstyledButton
        fw={700}
        fz="sm"
        onClick={() => onSortChange({ key: column.key, dir: active === 'asc' ? 'desc' : 'asc' })}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
      >
        {column.header}
        <Icon size={14} aria-hidden />
      </UnstyledButton>
    </Table.Th>
  );
}
