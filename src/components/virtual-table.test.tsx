// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import classes from './cells.module.css';
import { giveBoxesASize } from './testing/box-size';
import { renderUi } from './test-render';
import type { Column } from './virtual-table';
import { RowSlots, VirtualTable } from './virtual-table';

interface Row {
  id: string;
  schedule: string;
}

const columns: Column<Row>[] = [
  { key: 'name', header: 'Name', width: '30%', cell: (r) => r.id },
  { key: 'state', header: 'State', width: '9rem', cell: () => 'Running' },
  { key: 'schedule', header: 'Schedule', optional: true, cell: (r) => r.schedule },
];

function renderTable() {
  renderUi(
    <VirtualTable
      label="Things"
      rows={[{ id: 'a', schedule: 'Daily at 11:30 PM' }]}
      columns={columns}
      rowKey={(r) => r.id}
    />,
  );
  return screen.getByRole('table', { name: 'Things' });
}

afterEach(cleanup);
giveBoxesASize();

describe('VirtualTable on a narrow screen', () => {
  it('lets the optional columns give way, header and cells alike, and keeps the state', async () => {
    const table = renderTable();
    const header = (name: string) => within(table).getByRole('columnheader', { name });
    expect(header('Schedule').className).toContain(classes.optional);
    expect((await within(table).findByText('Daily at 11:30 PM')).closest('td')?.className).toContain(
      classes.optional,
    );
    expect(header('State').className).not.toContain(classes.optional);
    expect(within(table).getByText('Running').closest('td')?.className).not.toContain(classes.optional);
  });

  it('marks its box narrow from the width of the box itself, at 40em and below, as it is resized', () => {
    // jsdom lays nothing out: the box's observer is handed the widths a browser would report.
    const observed: { box: Element; report: (width: number) => void }[] = [];
    const Before = globalThis.ResizeObserver;
    globalThis.ResizeObserver = class {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe(box: Element) {
        observed.push({
          box,
          report: (width) =>
            this.callback([{ target: box, contentRect: { width } } as unknown as ResizeObserverEntry], this),
        });
      }
      unobserve() {}
      disconnect() {}
    };
    onTestFinished(() => {
      globalThis.ResizeObserver = Before;
    });
    const table = renderTable();
    const box = table.closest('[role="region"]');
    const mine = observed.find((o) => o.box === box);
    expect(mine, 'the scroll box is observed').toBeDefined();
    // 40em of the box's 16px font: 640px.
    mine!.report(900);
    expect(box?.hasAttribute('data-narrow')).toBe(false);
    mine!.report(640);
    expect(box?.hasAttribute('data-narrow')).toBe(true);
    mine!.report(641);
    expect(box?.hasAttribute('data-narrow')).toBe(false);
  });

  it('drops a share of the width (%) so that the name takes what the state leaves', () => {
    const table = renderTable();
    expect(within(table).getByRole('columnheader', { name: 'Name' }).className).toContain(classes.share);
    expect(within(table).getByRole('columnheader', { name: 'State' }).className).not.toContain(classes.share);
  });
});

describe('RowSlots', () => {
  it('keeps the slot of a row that stays in view and gives a row coming into view the slot of one that left', () => {
    const slots = new RowSlots();
    expect(slots.assign(['a', 'b', 'c'])).toEqual([0, 1, 2]);
    // b stays (slot 1); d and e take the slots a and c left.
    expect(slots.assign(['b', 'd', 'e'])).toEqual([1, 0, 2]);
    // More rows than before: new slots after the highest.
    expect(slots.assign(['e', 'f', 'g', 'h'])).toEqual([2, 0, 1, 3]);
    expect(slots.assign([])).toEqual([]);
  });
});

describe('VirtualTable when other rows come into view (a keystroke in the search box)', () => {
  function Stateful({ id }: { id: string }) {
    const [first] = useState(id);
    return <span>made for {first}</span>;
  }
  const stateColumns: Column<Row>[] = [
    { key: 'name', header: 'Name', stateless: true, cell: (r) => r.id },
    { key: 'own', header: 'Own', cell: (r) => <Stateful id={r.id} /> },
  ];

  it('rewrites the rows in place, and makes a cell with state of its own afresh for its new row', () => {
    let show: (rows: Row[]) => void = () => undefined;
    function Table() {
      const [rows, setRows] = useState<Row[]>([{ id: 'a', schedule: '' }]);
      show = setRows;
      return <VirtualTable label="Things" rows={rows} columns={stateColumns} rowKey={(r) => r.id} />;
    }
    renderUi(<Table />);
    const before = screen.getByText('a').closest('tr');
    act(() => show([{ id: 'b', schedule: '' }]));
    expect(screen.getByText('b').closest('tr')).toBe(before);
    expect(screen.getByText('made for b')).toBeTruthy();
    expect(screen.queryByText('made for a')).toBeNull();
  });
});
