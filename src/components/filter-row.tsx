import '@mantine/core/styles/Input.css';
import { Group, NativeSelect, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface FilterOption<V extends string> {
  value: V;
  label: string;
}

/**
 * One filter of a page that keeps its filters in a view (in the URL): a native select of the view's
 * field `name`, whose options are the values that field takes; a choice is handed on as a patch.
 */
export function FilterSelect<V extends { [K in keyof V]: string }, N extends keyof V>({
  label,
  view,
  name,
  onChange,
  options,
}: {
  label: string;
  view: V;
  name: N;
  onChange: (patch: Partial<V>) => void;
  options: readonly FilterOption<V[N]>[];
}) {
  return (
    <NativeSelect
      label={label}
      value={view[name]}
      onChange={(e) => {
        const patch: Partial<V> = {};
        patch[name] = e.currentTarget.value as V[N];
        onChange(patch);
      }}
      data={options}
    />
  );
}

/** A page's filters in a row, and on its right how many rows they let through (announced). */
export function FilterRow({ count, children }: { count: ReactNode; children: ReactNode }) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="sm">
      {children}
      <Text size="sm" ml="auto" role="status" aria-live="polite">
        {count}
      </Text>
    </Group>
  );
}
