import { describe, expect, test } from 'vitest';
import { CONFIG_ELEMENT_ID, configInPage } from './config-in-page';

/** A page as far as configInPage reads it: the text of the element with the id, if any. */
const page = (text: string | undefined) => ({
  getElementById: (id: string) =>
    id === CONFIG_ELEMENT_ID && text !== undefined ? ({ textContent: text } as HTMLElement) : null,
});

describe('the config the page carries', () => {
  test('reads back what the server wrote, escapes included', () => {
    // As server/console-pages.ts writes it: every "<" and line separator escaped.
    const text = '{"connections":[{"id":"a","label":"\\u003c/script>\\u003c!-- a & b \\u2028"}]}';
    expect(configInPage(page(text))).toEqual({
      connections: [{ id: 'a', label: '</script><!-- a & b \u2028' }],
    });
  });

  test('is undefined without the element or with text that is not JSON, so that config.json is fetched', () => {
    expect(configInPage(page(undefined))).toBeUndefined();
    expect(configInPage(page(''))).toBeUndefined();
    expect(configInPage(page('{"connections": ['))).toBeUndefined();
  });
});
