// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { keepFocus } from './keep-focus';

const page = `
  <nav><a href="/">Overview</a><a href="/jobs">Jobs</a><a href="/jobs">Jobs</a></nav>
  <main><button type="button" aria-label="Start">Start</button><p>text</p></main>`;

/** The server's markup in #root, as the page comes. */
function serverMarkup(): HTMLElement {
  document.body.innerHTML = `<div id="root">${page}</div><button id="outside">outside</button>`;
  return document.getElementById('root')!;
}

/** What a fresh render does: the same page, every element a new one. */
function renderAfresh(root: HTMLElement, markup = page) {
  root.innerHTML = markup;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('keepFocus', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('gives the focus back to the same element of the new render, the second of two alike', async () => {
    const root = serverMarkup();
    const restore = keepFocus(root);
    root.querySelectorAll('a')[2]!.focus();
    const old = document.activeElement;
    renderAfresh(root);
    await settle();
    restore();
    expect(document.activeElement).not.toBe(old);
    expect(document.activeElement).toBe(root.querySelectorAll('a')[2]);
  });

  it('keeps a focus the element had before it began to note', () => {
    const root = serverMarkup();
    root.querySelector('button')!.focus();
    const restore = keepFocus(root);
    renderAfresh(root);
    restore();
    expect(document.activeElement).toBe(root.querySelector('button'));
  });

  it('leaves the focus alone when the person took it off the element, or elsewhere, or the new render has no such element', async () => {
    let root = serverMarkup();
    let restore = keepFocus(root);
    root.querySelector('a')!.focus();
    root.querySelector<HTMLElement>('a')!.blur();
    await settle();
    renderAfresh(root);
    restore();
    expect(document.activeElement).toBe(document.body);

    root = serverMarkup();
    restore = keepFocus(root);
    root.querySelector('a')!.focus();
    document.getElementById('outside')!.focus();
    await settle();
    renderAfresh(root);
    restore();
    expect(document.activeElement).toBe(document.getElementById('outside'));

    root = serverMarkup();
    restore = keepFocus(root);
    root.querySelector('button')!.focus();
    renderAfresh(root, '<nav><a href="/">Overview</a></nav>');
    restore();
    expect(document.activeElement).toBe(document.body);
  });

  it('does nothing when the noted element is still in the page (it was not replaced)', () => {
    const root = serverMarkup();
    const restore = keepFocus(root);
    const link = root.querySelector('a')!;
    link.focus();
    restore();
    expect(document.activeElement).toBe(link);
  });
});
