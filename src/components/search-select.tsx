import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Popover.css';
import { CheckIcon, Combobox, Group, InputBase, useCombobox } from '@mantine/core';
import { useId } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useState } from 'react';

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
 * its message as the list's one option, which cannot be chosen.
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

  return (
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
  );
}
