import type { Locator, Page } from '@playwright/test';

/** A colour as sRGB channels (0–1) and alpha. */
type Rgba = [r: number, g: number, b: number, a: number];

/** A computed colour: `rgb(…)`, `rgba(…)` or `color(srgb … [/ a])`; throws on anything else. */
export function parseColour(css: string): Rgba {
  const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)$/.exec(css);
  if (rgb) return [Number(rgb[1]) / 255, Number(rgb[2]) / 255, Number(rgb[3]) / 255, Number(rgb[4] ?? 1)];
  const srgb = /^color\(srgb\s+([\d.e-]+)\s+([\d.e-]+)\s+([\d.e-]+)(?:\s*\/\s*([\d.]+))?\s*\)$/.exec(css);
  if (srgb) return [Number(srgb[1]), Number(srgb[2]), Number(srgb[3]), Number(srgb[4] ?? 1)];
  throw new Error(`not a colour this test reads: ${css}`);
}

/** Relative luminance of a computed colour, as WCAG defines it (its alpha left aside). */
export function luminance(css: string): number {
  return luminanceOf(parseColour(css));
}

function luminanceOf([r, g, b]: Rgba): number {
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The WCAG contrast ratio of text of colour `fg` (blended over `bg` when translucent) on `bg`. */
export function contrastRatio(fg: string, bg: string): number {
  const back = parseColour(bg);
  const [r, g, b, a] = parseColour(fg);
  const front: Rgba = [r * a + back[0] * (1 - a), g * a + back[1] * (1 - a), b * a + back[2] * (1 - a), 1];
  const [hi, lo] = [luminanceOf(front), luminanceOf(back)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The WCAG contrast ratio of `text`'s colour on the background of `ground` (an opaque box it sits on),
 * from their computed styles. For what axe cannot judge: a floating notice overlaps the page under it,
 * so axe leaves its text's contrast "to review" instead of failing it.
 */
export async function contrastOn(text: Locator, ground: Locator): Promise<number> {
  const fg = await text.evaluate((e) => getComputedStyle(e).color);
  const bg = await ground.evaluate((e) => getComputedStyle(e).backgroundColor);
  return contrastRatio(fg, bg);
}

/** What the page says of one element's text: its colours, and whether its text is large (WCAG). */
export interface TextColours {
  selector: string;
  text: string;
  color: string;
  /** The background of the nearest box behind it that paints one, opaque; null when unknown. */
  background: string | null;
  large: boolean;
}

/**
 * The colours of the elements `selectors` name, for the colour-contrast findings axe leaves to review
 * (text over another element, which it cannot place a background under). The background is that of
 * the nearest ancestor that paints an opaque one; an element under a gradient or image, or faded by
 * an ancestor's opacity, gets none (judged by nobody here either).
 */
export function coloursOf(page: Page, selectors: string[]): Promise<TextColours[]> {
  return page.evaluate((list) => {
    const translucent = (css: string) =>
      css === 'transparent' || /,\s*(0|0?\.\d+)\s*\)$/.test(css) || /\/\s*(0|0?\.\d+)\s*\)$/.test(css);
    const out: TextColours[] = [];
    for (const selector of list) {
      let el: Element | null = null;
      try {
        el = document.querySelector(selector);
      } catch {
        el = null;
      }
      if (!el) continue;
      const style = getComputedStyle(el);
      let background: string | null = null;
      for (let at: Element | null = el; at; at = at.parentElement) {
        const s = getComputedStyle(at);
        if (Number(s.opacity) < 1 || s.backgroundImage !== 'none') break;
        if (!translucent(s.backgroundColor)) {
          background = s.backgroundColor;
          break;
        }
      }
      const size = Number.parseFloat(style.fontSize);
      out.push({
        selector,
        text: (el.textContent ?? '').trim().slice(0, 60),
        color: style.color,
        background,
        large: size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700),
      });
    }
    return out;
  }, selectors);
}

/** Each element whose text is under WCAG AA's contrast (4.5:1, or 3:1 for large text), in words. */
export function contrastFaults(items: readonly TextColours[]): string[] {
  return items.flatMap((item) => {
    if (item.background === null) return [];
    const ratio = contrastRatio(item.color, item.background);
    const needed = item.large ? 3 : 4.5;
    return ratio < needed
      ? [
          `${item.selector} "${item.text}": ${ratio.toFixed(2)}:1 (${item.color} on ${item.background}), under ${needed}:1`,
        ]
      : [];
  });
}
