import '@mantine/core/styles/Input.css';
import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

// One element for every render: a keystroke re-renders the box, not its icon.
const SEARCH_ICON = <IconSearch size={16} aria-hidden />;

/** A list's search box; the page owns the text (useSearchText) so that the filtering follows at once. */
export function SearchInput({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (text: string) => void;
}) {
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      leftSection={SEARCH_ICON}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      w={260}
    />
  );
}
