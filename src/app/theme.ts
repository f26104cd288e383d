import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // The darker shades keep white text on filled buttons and badges above 4.5:1 contrast.
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});
