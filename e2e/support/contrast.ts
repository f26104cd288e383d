import type { Locator } from '@playwright/test';

/**
 * The WCAG contrast ratio of `text`'s colour on the background of `ground` (an opaque box it sits on),
 * from their computed styles. For what axe cannot judge: a floating notice overlaps the page under it,
 * so axe leaves its text's contrast "to review" instead of failing it.
 */
export async function contrastOn(text: Locator, ground: Locator): Promise<number> {
  const fg = await text.evaluate((e) => getComputedStyle(e).color);
  const bg = await ground.evaluate((e) => getComputedStyle(e).backgroundColor);
  const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x) as [number, number];
  return (a + 0.05) / (b + 0.05);
}

/** Relative luminance of a computed colour: `rgb(…)`, `rgba(…)` or `color(srgb …)`. */
export function luminance(css: string): number {
  const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(css);
  const srgb = /^color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(css);
  const channels = rgb
    ? rgb.slice(1, 4).map((c) => Number(c) / 255)
    : srgb
      ? srgb.slice(1, 4).map(Number)
      : null;
  if (!channels) throw new Error(`not a colour this test reads: ${css}`);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
