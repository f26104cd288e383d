import type { CSSVariablesResolver } from '@mantine/core';
import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  components: {
    // A notification's close button is an icon only: without a name axe (and a screen reader) finds
    // a nameless button. A plain object, so the first page does not load the Notification component.
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } } },
    // A badge is a word that must be read whole ("RUNNI…" is no state): it never shrinks below its
    // text; the column around it gives way instead (STATE_COLUMN_WIDTH).
    Badge: {
      styles: {
        root: { overflow: 'visible', width: 'max-content', maxWidth: 'none', flexShrink: 0 },
        label: { overflow: 'visible', textOverflow: 'clip' },
      },
    },
  },
});

const darker = (color: string, share: number) => `color-mix(in srgb, ${color} ${share}%, black)`;

/**
 * Mantine's default shades put coloured text (light and outline variants, dimmed and error text) and
 * white text on filled colours below 4.5:1. Darker mixes of the same hues pass WCAG AA in both modes
 * while keeping the palette.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    '--mantine-color-error': t.colors.red[9] ?? '#c92a2a',
  };
  const dark: Record<string, string> = {
    '--mantine-color-dimmed': t.colors.dark[1] ?? '#b8b8b8',
    '--mantine-color-error': t.colors.red[4] ?? '#ff8787',
  };
  const variables: Record<string, string> = {};
  for (const name of Object.keys(t.colors)) {
    if (name === 'dark' || name === 'gray') continue;
    const shade9 = `var(--mantine-color-${name}-9)`;
    light[`--mantine-color-${name}-light-color`] = darker(shade9, 62);
    light[`--mantine-color-${name}-outline`] = darker(shade9, 62);
    light[`--mantine-color-${name}-text`] = darker(shade9, 62);
    variables[`--mantine-color-${name}-filled`] = darker(shade9, 72);
    variables[`--mantine-color-${name}-filled-hover`] = darker(shade9, 60);
  }
  return { variables, light, dark };
};
