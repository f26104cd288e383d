/* Tests only: what a person reads off a page, found as they would find it. */
import { screen } from '@testing-library/react';

/** The body rows of the table named `name` that carry a state (`data-status`), in order. */
export function tableRows(name: string): HTMLElement[] {
  const table = screen.queryByRole('table', { name });
  return [...(table?.querySelectorAll<HTMLElement>('tbody tr[data-status]') ?? [])];
}

/** The text a details grid shows beside `label` (a <dt>/<dd> pair, as Fact renders it). */
export function factText(label: string): string {
  return screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent ?? '';
}
