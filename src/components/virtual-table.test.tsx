// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import classes from './cells.module.css';
import { giveBoxesASize } from './testing/box-size';
import { renderUi } from './test-render';
import type { Column } from './virtual-table';
import { VirtualTable } from './virtual-table';

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

  it('drops a share of the width (%) so that the name takes what the state leaves', () => {
    const table = renderTable();
    expect(within(table).getByRole('columnheader', { name: 'Name' }).className).toContain(classes.share);
    expect(within(table).getByRole('columnheader', { name: 'State' }).className).not.toContain(classes.share);
  });
});
