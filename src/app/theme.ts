import type { CSSVariablesResolver } from '@mantine/core';
import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // The darker shades keep white text on filled buttons and badges above 4.5:1 contrast.
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});

/** Mantine's dimmed grey and error red are below 4.5:1 on white; darker (lighter in dark mode) pass. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    '--mantine-color-error': t.colors.red[8] ?? '#e03131',
  },
  dark: {
    '--mantine-color-dimmed': t.colors.dark[1] ?? '#b8b8b8',
    '--mantine-color-error': t.colors.red[4] ?? '#ff8787',
  },
});
