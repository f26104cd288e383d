import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One labelled fact of a details grid: a <dt>/<dd> pair (put it inside a `component="dl"`). */
export function Fact({
  label,
  children,
  strong = false,
}: {
  label: string;
  children: ReactNode;
  strong?: boolean;
}) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" fw={strong ? 500 : undefined} component="dd" m={0} style={{ wordBreak: 'break-word' }}>
        {children}
      </Text>
    </Stack>
  );
}
