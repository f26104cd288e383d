/**
 * Keeps a person's place on a page the server rendered when the browser renders it afresh
 * (src/main.tsx: the Overview rendered with the person's data is replaced by React's own render of the
 * same page in one commit). Someone who moved the focus in the server's markup before the code ran (a
 * Tab to a navigation link) would otherwise find it back on the page's body, and their next Tab at the
 * top of the page.
 *
 * `keepFocus(root)` notes, from now on, which element in `root` has the focus, by what it is rather than
 * where: its tag, link, label, name and text, and which of the elements alike it is. The function it
 * returns, called once the new render is in, gives the focus to the new render's element of that kind,
 * if the noted one left the page with the focus (nothing else took it since: it is on the body) and
 * the new render has it; else it does nothing.
 */
export function keepFocus(root: HTMLElement): () => void {
  let noted: { element: Element; kind: string; index: number } | null = null;
  const note = (element: Element | null) => {
    noted = element && element !== root && root.contains(element) ? locate(root, element) : null;
  };
  const onFocusIn = (event: FocusEvent) => note(event.target as Element | null);
  // The focus leaving for the body while the element is still in the page: the person put it there.
  const onFocusOut = () =>
    setTimeout(() => {
      if (noted?.element.isConnected && !root.contains(document.activeElement)) noted = null;
    });
  note(document.activeElement);
  root.addEventListener('focusin', onFocusIn);
  root.addEventListener('focusout', onFocusOut);
  return () => {
    root.removeEventListener('focusin', onFocusIn);
    root.removeEventListener('focusout', onFocusOut);
    const was = noted;
    noted = null;
    const active = document.activeElement;
    if (!was || was.element.isConnected || (active && active !== document.body)) return;
    const again = alike(root, was.element.tagName, was.kind)[was.index];
    if (again instanceof HTMLElement || again instanceof SVGElement) again.focus({ preventScroll: true });
  };
}

/** What an element is, as far as a render of the same page would make it again. */
function kindOf(element: Element): string {
  return [
    element.getAttribute('href'),
    element.getAttribute('aria-label'),
    element.getAttribute('name'),
    element.textContent?.trim() ?? '',
  ].join('\u0000');
}

function alike(root: HTMLElement, tag: string, kind: string): Element[] {
  return [...root.getElementsByTagName(tag)].filter((e) => kindOf(e) === kind);
}

function locate(root: HTMLElement, element: Element) {
  const kind = kindOf(element);
  return { element, kind, index: alike(root, element.tagName, kind).indexOf(element) };
}
