import '@mantine/core/styles/Badge.css';
import type { BadgeProps, MantineTheme } from '@mantine/core';
import { Badge, useMantineTheme } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';

type Look = { root: CSSProperties; label: CSSProperties };

// Badge's own resolver of its CSS variables (its `--badge-*` for a colour and variant).
const resolveVars = Badge.varsResolver as (
  theme: MantineTheme,
  props: Pick<BadgeProps, 'color' | 'variant'>,
  ctx: undefined,
) => { root?: Record<string, string | undefined> };

const looks = new WeakMap<MantineTheme, Map<string, Look>>();

/** Mantine's Badge's variables for a colour and variant, with the theme's Badge styles: once per theme. */
function lookOf(theme: MantineTheme, color: string, variant: 'light' | 'outline'): Look {
  let perTheme = looks.get(theme);
  if (!perTheme) looks.set(theme, (perTheme = new Map<string, Look>()));
  const key = `${color}\u0000${variant}`;
  let look = perTheme.get(key);
  if (!look) {
    const vars = resolveVars(theme, { color, variant }, undefined).root ?? {};
    const styles: unknown = theme.components.Badge?.styles;
    const own =
      typeof styles === 'object' && styles !== null
        ? (styles as Partial<Record<'root' | 'label', CSSProperties>>)
        : {};
    const defined = Object.fromEntries(Object.entries(vars).filter(([, v]) => v !== undefined));
    look = { root: { ...own.root, ...defined }, label: { ...own.label } };
    perTheme.set(key, look);
  }
  return look;
}

/**
 * Mantine's Badge as plain elements (the same classes, variables and theme styles): a list renders
 * dozens of them on every keystroke and poll, and Badge's style computation per render cost most of
 * a row. Only what the lists use: a colour, the light or outline variant, a title and data attributes.
 */
export function LightBadge({
  color,
  variant,
  title,
  children,
  ...data
}: {
  color: string;
  variant: 'light' | 'outline';
  title?: string;
  children: ReactNode;
} & { [K in `data-${string}`]?: string | boolean }) {
  const look = lookOf(useMantineTheme(), color, variant);
  return (
    <div
      className={`${Badge.classes.root} mantine-Badge-root`}
      data-variant={variant}
      style={look.root}
      title={title}
      {...data}
    >
      <span className={`${Badge.classes.label} mantine-Badge-label`} style={look.label}>
        {children}
      </span>
    </div>
  );
}
