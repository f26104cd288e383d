import { describe, expect, test } from 'vitest';
import type { ContentItem } from '../../../../api/restore-content';
import { filterItems, NO_FILTER, typeChoices } from './item-filter';

const item = (over: Partial<ContentItem>): ContentItem => ({
  id: over.title ?? 'x',
  kind: 'mail',
  title: 'x',
  from: null,
  to: null,
  at: null,
  sizeBytes: null,
  version: null,
  deleted: false,
  earlierVersion: false,
  fields: {},
  ...over,
});

const mails = [
  item({ title: 'Q3 numbers', from: 'ann@contoso.com', at: new Date(2026, 10, 2, 9).toISOString() }),
  item({ title: 'Lunch on Friday', from: 'bob@contoso.com', at: new Date(2026, 10, 5, 12).toISOString() }),
  item({ title: 'Q4 plan', from: 'Ann Lee', at: new Date(2026, 10, 9).toISOString(), deleted: true }),
  item({ title: 'Budget.xlsx', kind: 'document', earlierVersion: true, fields: { 'Created by': 'Carol' } }),
];
const titles = (list: readonly ContentItem[]) => list.map((i) => i.title);

describe('filterItems', () => {
  test('no filter keeps the very same list', () => {
    expect(filterItems(mails, NO_FILTER)).toBe(mails);
  });

  test('text: every word, in any field, in any case', () => {
    expect(titles(filterItems(mails, { ...NO_FILTER, text: 'q' }))).toEqual(['Q3 numbers', 'Q4 plan']);
    expect(titles(filterItems(mails, { ...NO_FILTER, text: 'ANN numbers' }))).toEqual(['Q3 numbers']);
    expect(titles(filterItems(mails, { ...NO_FILTER, text: 'carol' }))).toEqual(['Budget.xlsx']);
  });

  test('sender, and a date range of whole days that leaves out undated items', () => {
    expect(titles(filterItems(mails, { ...NO_FILTER, sender: 'ann' }))).toEqual(['Q3 numbers', 'Q4 plan']);
    const range = { ...NO_FILTER, after: '2026-11-02', before: '2026-11-05' };
    expect(titles(filterItems(mails, range))).toEqual(['Q3 numbers', 'Lunch on Friday']);
  });

  test('type: deleted items, earlier versions, a kind, a file type; the choices follow what is loaded', () => {
    expect(titles(filterItems(mails, { ...NO_FILTER, type: 'deleted' }))).toEqual(['Q4 plan']);
    expect(titles(filterItems(mails, { ...NO_FILTER, type: 'versions' }))).toEqual(['Budget.xlsx']);
    expect(titles(filterItems(mails, { ...NO_FILTER, type: 'document' }))).toEqual(['Budget.xlsx']);
    expect(titles(filterItems(mails, { ...NO_FILTER, type: '.xlsx' }))).toEqual(['Budget.xlsx']);
    expect(typeChoices(mails).map((c) => c.value)).toEqual([
      '',
      'mail',
      'document',
      '.xlsx',
      'deleted',
      'versions',
    ]);
    expect(typeChoices(mails.slice(0, 2)).map((c) => c.value)).toEqual(['']);
  });

  test('10,000 items are searched within a few milliseconds', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      item({ title: `Subject ${i}`, from: `u${i}@x.com` }),
    );
    filterItems(many, { ...NO_FILTER, text: 'warm up' });
    const t0 = performance.now();
    const found = filterItems(many, { ...NO_FILTER, text: 'subject 99' });
    expect(performance.now() - t0).toBeLessThan(50);
    expect(found.length).toBe(many.filter((i) => i.title.includes('99')).length);
  });
});
