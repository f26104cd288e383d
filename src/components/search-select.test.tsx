// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SearchSelectItem } from './search-select';
import { matchesOf, SearchSelect } from './search-select';
import { renderUi } from './test-render';

const DATA: SearchSelectItem[] = [
  { value: 'a', label: 'Alpha (web-01)' },
  { value: 'b', label: 'Beta (web-02)' },
  { value: 'g', label: 'Gamma (db-01)' },
];

function Chooser({
  initial = null,
  onChange,
}: {
  initial?: string | null;
  onChange?: (v: string | null) => void;
}) {
  const [value, setValue] = useState<string | null>(initial);
  return (
    <SearchSelect
      label="Configuration"
      data={DATA}
      value={value}
      onChange={(v) => {
        setValue(v);
        onChange?.(v);
      }}
      nothingFoundMessage="No configuration matches"
    />
  );
}

const input = () => screen.getByRole('combobox', { name: 'Configuration' });
const key = (code: string) => fireEvent.keyDown(input(), { key: code, code });
const type = (text: string) => fireEvent.change(input(), { target: { value: text } });
/** The element the input names as its active option, or null when it names none. */
const active = () => {
  const id = input().getAttribute('aria-activedescendant');
  return id === null ? null : document.getElementById(id);
};
const activeText = () => active()?.textContent ?? null;
const attr = (el: Element | null | undefined, name: string) => el?.getAttribute(name) ?? null;
const shown = () => (input() as HTMLInputElement).value;

describe('SearchSelect', () => {
  beforeAll(() => {
    // jsdom lays nothing out; Mantine scrolls the option the arrow keys reach into view.
    if (!('scrollIntoView' in Element.prototype))
      Object.defineProperty(Element.prototype, 'scrollIntoView', { value: vi.fn(), configurable: true });
  });
  afterEach(cleanup);

  it('names as active the option the arrow keys reach, and none once a search has removed it', async () => {
    renderUi(<Chooser />);
    fireEvent.focus(input());
    await screen.findByRole('listbox');
    expect(attr(input(), 'aria-expanded')).toBe('true');
    expect(attr(input(), 'aria-controls')).toBe(screen.getByRole('listbox').id);
    expect(attr(input(), 'aria-activedescendant')).toBeNull();

    key('ArrowDown');
    await waitFor(() => expect(activeText()).toBe('Alpha (web-01)'));
    expect(attr(active(), 'role')).toBe('option');
    key('ArrowDown');
    await waitFor(() => expect(activeText()).toBe('Beta (web-02)'));

    // Beta is filtered out: the input must not go on naming it.
    type('gam');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1));
    expect(attr(input(), 'aria-activedescendant')).toBeNull();
    key('ArrowDown');
    await waitFor(() => expect(activeText()).toBe('Gamma (db-01)'));
  });

  it('says that nothing matches as the list’s one option, which cannot be chosen', async () => {
    const onChange = vi.fn();
    renderUi(<Chooser onChange={onChange} />);
    fireEvent.focus(input());
    type('zzz');
    const options = await screen.findAllByRole('option');
    expect(options).toHaveLength(1);
    expect(options[0]?.textContent).toBe('No configuration matches');
    expect(attr(options[0], 'aria-disabled')).toBe('true');
    key('ArrowDown');
    key('Enter');
    fireEvent.click(options[0]!);
    expect(attr(input(), 'aria-activedescendant')).toBeNull();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('chooses with Enter, shows the label, marks the chosen option, and puts the label back on leaving a search', async () => {
    const onChange = vi.fn();
    renderUi(<Chooser onChange={onChange} />);
    fireEvent.focus(input());
    type('web');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    key('ArrowDown');
    key('ArrowDown');
    await waitFor(() => expect(activeText()).toBe('Beta (web-02)'));
    key('Enter');
    expect(onChange).toHaveBeenCalledWith('b');
    await waitFor(() => expect(shown()).toBe('Beta (web-02)'));
    expect(attr(input(), 'aria-expanded')).toBe('false');
    expect(attr(input(), 'aria-activedescendant')).toBeNull();

    // Opened again on the chosen label: every item shows, the chosen one selected.
    fireEvent.click(input());
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(3));
    expect(attr(screen.getByRole('option', { name: 'Beta (web-02)' }), 'aria-selected')).toBe('true');
    type('gam');
    fireEvent.blur(input());
    await waitFor(() => expect(shown()).toBe('Beta (web-02)'));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('shows the label of a choice made outside it, once its list is in', async () => {
    function Later() {
      const [data, setData] = useState<SearchSelectItem[]>([]);
      return (
        <>
          <button type="button" onClick={() => setData(DATA)}>
            load
          </button>
          <SearchSelect
            label="Configuration"
            data={data}
            value="g"
            onChange={() => undefined}
            nothingFoundMessage="None"
          />
        </>
      );
    }
    renderUi(<Later />);
    expect(shown()).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'load' }));
    await waitFor(() => expect(shown()).toBe('Gamma (db-01)'));
  });
});

describe('matchesOf', () => {
  it('finds by any part of the label, whatever its case, up to the limit, in the list’s order', () => {
    expect(matchesOf(DATA, ' WEB ', undefined, 10).map((m) => m.index)).toEqual([0, 1]);
    expect(matchesOf(DATA, 'web', undefined, 1).map((m) => m.item.value)).toEqual(['a']);
    expect(matchesOf(DATA, 'nothing', undefined, 10)).toEqual([]);
  });

  it('shows every item while the search is the chosen item’s label', () => {
    expect(matchesOf(DATA, 'Beta (web-02)', DATA[1], 10)).toHaveLength(3);
    expect(matchesOf(DATA, 'Beta (web-02)', undefined, 10)).toHaveLength(1);
  });
});
