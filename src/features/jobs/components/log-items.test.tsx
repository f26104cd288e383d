// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogItem } from '../../../api/domain';
import { renderUi } from '../../../components/test-render';
import { formatDateTime } from '../../../lib/format';
import { LogItems } from './log-items';

const ITEMS: LogItem[] = [
  {
    id: '1',
    title: '[Success] Job started',
    level: 'success',
    at: '2026-12-07T05:59:49Z',
    endedAt: '2026-12-07T05:59:52Z',
  },
  {
    id: '2',
    title: '[Warning] 4 items were skipped',
    level: 'warning',
    at: '2026-12-07T06:12:00Z',
    endedAt: null,
  },
];

const rows = () =>
  within(screen.getByRole('table', { name: 'Session log' }))
    .getAllByRole('row')
    .slice(1);

describe('LogItems', () => {
  afterEach(cleanup);

  // The same cells at every width (CSS lays them out for a phone): none is rendered a second time.
  it("renders each row's time, level and duration once", () => {
    renderUi(<LogItems items={ITEMS} label="Session log" />);
    expect(rows()).toHaveLength(ITEMS.length);
    ITEMS.forEach((item, i) => {
      const row = rows()[i]!;
      expect(within(row).getAllByText(formatDateTime(item.at))).toHaveLength(1);
      expect(within(row).getAllByText(item.level)).toHaveLength(1);
    });
    expect(within(rows()[0]!).getAllByText('3 s')).toHaveLength(1);
  });

  it('is a table of four columns, each row a cell for each', () => {
    renderUi(<LogItems items={ITEMS} label="Session log" />);
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Time', 'Level', 'Message', 'Took']);
    const cells = rows().map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );
    expect(cells).toEqual([
      [formatDateTime(ITEMS[0]!.at), 'success', '[Success] Job started', 'took 3 s'],
      [formatDateTime(ITEMS[1]!.at), 'warning', '[Warning] 4 items were skipped', ''],
    ]);
  });
});
