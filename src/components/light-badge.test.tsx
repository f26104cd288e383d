// @vitest-environment jsdom
import { Badge, createTheme, MantineProvider } from '@mantine/core';
import { cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LightBadge } from './light-badge';
// jsdom's missing matchMedia, which MantineProvider asks.
import './test-render';

afterEach(cleanup);

// Styles of the theme's own, as the console's theme gives Badge.
const theme = createTheme({
  components: {
    Badge: { styles: { root: { overflow: 'visible', flexShrink: 0 }, label: { textOverflow: 'clip' } } },
  },
});

/** An element as what it is: its tag, attributes (style by declaration) and children, in a fixed order. */
function shape(el: Element): unknown {
  const attributes: Record<string, string | string[]> = Object.fromEntries(
    [...el.attributes]
      .map((a): [string, string | string[]] => [
        a.name,
        a.name === 'style'
          ? a.value
              .split(';')
              .map((d) => d.trim())
              .filter(Boolean)
              .sort()
          : a.value,
      ])
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return {
    tag: el.tagName,
    attributes,
    text: el.children.length ? undefined : el.textContent,
    children: [...el.children].map(shape),
  };
}

const html = (node: ReactNode): unknown => {
  const { container } = render(<MantineProvider theme={theme}>{node}</MantineProvider>);
  return shape(container.querySelector('.mantine-Badge-root')!);
};

describe('LightBadge', () => {
  it.each([
    ['blue', 'light'],
    ['green', 'outline'],
    ['gray', 'outline'],
  ] as const)('is Mantine’s Badge (%s, %s) to the attribute, with the theme’s styles', (color, variant) => {
    const mantine = html(
      <Badge color={color} variant={variant} data-status="running" title="Running: busy">
        Running
      </Badge>,
    );
    cleanup();
    const light = html(
      <LightBadge color={color} variant={variant} data-status="running" title="Running: busy">
        Running
      </LightBadge>,
    );
    expect(JSON.stringify(mantine)).toContain('overflow: visible');
    expect(light).toEqual(mantine);
  });
});
