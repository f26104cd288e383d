// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SearchSelectItem } from './search-select';
import { ANNOUNCE_AFTER_MS, matchCountMessage, matchesOf, SearchSelect } from './search-select';
import { renderUi } from './test-render';

const WORDS = { one: 'configuration', other: 'configurations' };
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
      itemWords={WORDS}
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
            itemWords={WORDS}
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

describe('SearchSelect’s status', () => {
  const status = () => screen.getByRole('status').textContent;
  // Synchronous: the timers run and React renders what they set before act returns.
  const wait = (ms: number) => void act(() => vi.advanceTimersByTime(ms));
  beforeAll(() => {
    if (!('scrollIntoView' in Element.prototype))
      Object.defineProperty(Element.prototype, 'scrollIntoView', { value: vi.fn(), configurable: true });
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('says how many items match once the typing pauses, again after each search', () => {
    vi.useFakeTimers();
    renderUi(<Chooser />);
    expect(screen.getByRole('status').getAttribute('aria-live')).toBe('polite');
    fireEvent.focus(input());
    // Opened, nothing typed: nothing said.
    wait(ANNOUNCE_AFTER_MS * 2);
    expect(status()).toBe('');

    type('w');
    wait(ANNOUNCE_AFTER_MS / 2);
    type('we');
    wait(ANNOUNCE_AFTER_MS / 2);
    // A key pressed within the pause puts the saying off.
    expect(status()).toBe('');
    type('web');
    wait(ANNOUNCE_AFTER_MS);
    expect(status()).toBe('2 configurations match');

    // Emptied at the next key, so that a search with as many matches is said again.
    type('web-');
    expect(status()).toBe('');
    wait(ANNOUNCE_AFTER_MS);
    expect(status()).toBe('2 configurations match');
    type('gam');
    wait(ANNOUNCE_AFTER_MS);
    expect(status()).toBe('1 configuration matches');
    type('zzz');
    wait(ANNOUNCE_AFTER_MS);
    expect(status()).toBe('No configuration matches');
  });

  it('says nothing when the list closes before the pause ends, and empties on closing', () => {
    vi.useFakeTimers();
    renderUi(<Chooser />);
    fireEvent.focus(input());
    type('web');
    wait(ANNOUNCE_AFTER_MS);
    expect(status()).toBe('2 configurations match');
    fireEvent.blur(input());
    expect(status()).toBe('');

    fireEvent.focus(input());
    type('gam');
    key('Escape');
    wait(ANNOUNCE_AFTER_MS * 2);
    expect(status()).toBe('');
  });
});

describe('matchCountMessage', () => {
  it('counts every match, and says when the list shows only the first ones', () => {
    expect(matchCountMessage(0, 50, WORDS, 'No configuration matches')).toBe('No configuration matches');
    expect(matchCountMessage(1, 50, WORDS, '')).toBe('1 configuration matches');
    expect(matchCountMessage(50, 50, WORDS, '')).toBe('50 configurations match');
    expect(matchCountMessage(1234, 50, WORDS, '')).toBe('1234 configurations match, the first 50 shown');
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
