import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Popover.css';
import '@mantine/core/styles/VisuallyHidden.css';
import { CheckIcon, Combobox, Group, InputBase, useCombobox, VisuallyHidden } from '@mantine/core';
import { useId } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useStableCallback } from './use-stable-callback';

export interface SearchSelectItem {
  value: string;
  label: string;
}

interface SearchSelectProps {
  label: ReactNode;
  description?: ReactNode;
  placeholder?: string;
  disabled?: boolean;
  value: string | null;
  onChange: (value: string | null) => void;
  data: readonly SearchSelectItem[];
  /** How many matches render at most (a list of thousands renders its first ones). */
  limit?: number;
  /** Said, as the list's one option (which cannot be chosen), when nothing matches the search. */
  nothingFoundMessage: string;
  /** What the items are, for the count said after a search: "3 configurations match". */
  itemWords: { one: string; other: string };
}

/** How long the typing pauses before the number of matches is said (a screen reader's status). */
export const ANNOUNCE_AFTER_MS = 1000;

/** The words of the status after a search: how many items match, and how many of them show. */
export function matchCountMessage(
  count: number,
  limit: number,
  words: { one: string; other: string },
  nothingFoundMessage: string,
): string {
  if (count === 0) return nothingFoundMessage;
  if (count === 1) return `1 ${words.one} matches`;
  const shown = count > limit ? `, the first ${limit} shown` : '';
  return `${count} ${words.other} match${shown}`;
}

/** What is left of the list for a search: every item while the search is the chosen item's label. */
export function matchesOf(
  data: readonly SearchSelectItem[],
  search: string,
  chosen: SearchSelectItem | undefined,
  limit: number,
): { item: SearchSelectItem; index: number }[] {
  const all = chosen !== undefined && search === chosen.label;
  const query = search.trim().toLowerCase();
  const found: { item: SearchSelectItem; index: number }[] = [];
  for (const [index, item] of data.entries()) {
    if (found.length >= limit) break;
    if (all || item.label.toLowerCase().includes(query)) found.push({ item, index });
  }
  return found;
}

/**
 * A list to choose one item from, searched by typing: a combobox whose popup is a listbox (the ARIA
 * pattern), built on Mantine's Combobox. Mantine's own Select leaves its input's
 * `aria-activedescendant` naming the option last reached with the arrow keys after a search has
 * removed or replaced it (a screen reader then reads an option that is gone, or not the one Enter
 * chooses), and shows "nothing found" as a listbox with no option in it: both are ARIA errors axe
 * calls critical. Here the active option is the one Mantine marks (`data-combobox-selected`), read
 * from the list whenever the mark moves or the options change, and a search that finds nothing shows
 * its message as the list's one option, which cannot be chosen. A listbox that changes under the
 * typing is not read out: a polite status says how many items match once the typing pauses (not at
 * each key, nor while the list is closed).
 */
export function SearchSelect({
  label,
  description,
  placeholder,
  disabled,
  value,
  onChange,
  data,
  limit = Infinity,
  nothingFoundMessage,
  itemWords,
}: SearchSelectProps) {
  const inputId = useId();
  const listId = `${inputId}-list`;
  const optionId = (index: number) => `${inputId}-option-${index}`;
  const chosen = useMemo(() => data.find((item) => item.value === value), [data, value]);
  const [search, setSearch] = useState(chosen?.label ?? '');
  // The input shows the chosen item's label when the choice changes from outside (a default choice,
  // the list's answer coming in after it) as when the person chooses.
  const [labelShown, setLabelShown] = useState(chosen?.label);
  if (labelShown !== chosen?.label) {
    setLabelShown(chosen?.label);
    setSearch(chosen?.label ?? '');
  }

  // The open list's element. Its options are new elements each time it opens, none of them marked.
  const [list, setList] = useState<HTMLDivElement | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const listRef = useCallback((element: HTMLDivElement | null) => {
    setList(element);
    setActiveId(null);
  }, []);
  useEffect(() => {
    if (!list) return;
    const read = () => setActiveId(list.querySelector('[data-combobox-selected]')?.id ?? null);
    const observer = new MutationObserver(read);
    observer.observe(list, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-combobox-selected'],
    });
    return () => observer.disconnect();
  }, [list]);

  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const opened = combobox.dropdownOpened && !disabled;
  const matches = useMemo(() => matchesOf(data, search, chosen, limit), [data, search, chosen, limit]);

  // The status: emptied at each key and said again once the typing pauses, so that the same count is
  // said again after another search; nothing while the list is closed.
  const [typed, setTyped] = useState(false);
  const [status, setStatus] = useState('');
  // Counted when said, from the list as it is then: a new list each render of the page (a poll) does
  // not put the saying off.
  const sayCount = useStableCallback(() => {
    const count = matchesOf(data, search, chosen, Infinity).length;
    setStatus(matchCountMessage(count, limit, itemWords, nothingFoundMessage));
  });
  useEffect(() => {
    if (!typed || !opened) return;
    const timer = setTimeout(sayCount, ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [typed, opened, search, sayCount]);
  if (status && !opened) setStatus('');
  if (typed && !opened) setTyped(false);

  return (
    <>
      <Combobox
        store={combobox}
        onOptionSubmit={(picked) => {
          const item = data.find((d) => d.value === picked);
          if (item) {
            setSearch(item.label);
            if (item.value !== value) onChange(item.value);
          }
          combobox.closeDropdown();
        }}
      >
        <Combobox.Target withAriaAttributes={false}>
          <InputBase
            id={inputId}
            label={label}
            description={description}
            placeholder={placeholder}
            disabled={disabled}
            value={search}
            rightSection={<Combobox.Chevron />}
            rightSectionPointerEvents="none"
            role="combobox"
            aria-haspopup="listbox"
            aria-autocomplete="list"
            aria-expanded={opened}
            aria-controls={opened ? listId : undefined}
            aria-activedescendant={opened && list ? (activeId ?? undefined) : undefined}
            autoComplete="off"
            onFocus={() => combobox.openDropdown()}
            onClick={() => combobox.openDropdown()}
            onBlur={() => {
              combobox.closeDropdown();
              setSearch(chosen?.label ?? '');
            }}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              setTyped(true);
              setStatus('');
              combobox.resetSelectedOption();
              combobox.openDropdown();
            }}
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={disabled}>
          {/* The list scrolls itself: a popup of the combobox, which keeps the keys (axe knows that of the
            listbox, not of a scrolling element inside it). */}
          <Combobox.Options
            id={listId}
            ref={listRef}
            labelledBy={`${inputId}-label`}
            mah={220}
            style={{ overflowY: 'auto' }}
          >
            {matches.length > 0 ? (
              matches.map(({ item, index }) => (
                <Combobox.Option
                  key={item.value}
                  id={optionId(index)}
                  value={item.value}
                  active={item.value === value}
                  aria-selected={item.value === value}
                >
                  <Group gap={6} wrap="nowrap">
                    {item.value === value && <CheckIcon size={10} aria-hidden />}
                    <span>{item.label}</span>
                  </Group>
                </Combobox.Option>
              ))
            ) : (
              <Combobox.Option value="" disabled id={`${inputId}-nothing`}>
                {nothingFoundMessage}
              </Combobox.Option>
            )}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <VisuallyHidden role="status" aria-live="polite" aria-atomic="true">
        {status}
      </VisuallyHidden>
    </>
  );
}
