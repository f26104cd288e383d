/**
 * Keeps keyboard focus in place across an action on a button that goes busy and may be swapped for
 * another. A busy button is disabled, so the browser drops its focus to <body>; a Start is then
 * replaced by a Stop, a Disable by an Enable, and a dialog that asked first has nothing to give the
 * focus back to: the person's next Tab starts over from the top of the page.
 *
 * `handOffFocus(trigger)` watches the buttons beside the trigger (its parent element's button
 * children) from the moment the action starts until a while after `settle()`. Whenever they change,
 * focus goes to the button that now stands in the trigger's place once it is enabled: the trigger
 * itself while it is still there (React keeps the element when only its label changes), otherwise the
 * button at the trigger's position among them (the last one when fewer are left). It does so only
 * while focus is nowhere (<body>), still on the trigger, or on the button it handed focus to: a person
 * who moved the focus elsewhere, or clicked anywhere, keeps it there and ends the hand-off.
 */
export interface FocusHandOff {
  /** The action is over: keep watching a moment longer, as the swap may come with the next read. */
  settle(): void;
  /** Stop watching. */
  end(): void;
}

/** How long after the action the buttons are watched: a swap may wait for the next live update. */
export const HAND_OFF_AFTER_SETTLE_MS = 15_000;
/** An action that never settles (none should) stops being watched after this. */
const HAND_OFF_MAX_MS = 120_000;
/** Looks again after settling, for focus that moved without the buttons changing (a closing dialog). */
const SETTLE_CHECKS_MS = [0, 100, 400, 1_000];

const NONE: FocusHandOff = { settle: () => undefined, end: () => undefined };

/** One hand-off per group of buttons: a new action there ends the previous one's. */
const current = new WeakMap<Element, FocusHandOff>();

const buttonsIn = (container: Element): HTMLElement[] =>
  Array.from(container.children).filter((el): el is HTMLElement => el.tagName === 'BUTTON');

export function handOffFocus(trigger: HTMLElement | null): FocusHandOff {
  const container = trigger?.parentElement;
  if (!trigger || !container || typeof MutationObserver === 'undefined') return NONE;
  current.get(container)?.end();
  const doc = trigger.ownerDocument;
  const index = Math.max(0, buttonsIn(container).indexOf(trigger));
  let holder: HTMLElement = trigger;
  let placing = false;
  let ended = false;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (fn: () => void, ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const successor = (): HTMLElement | undefined => {
    if (trigger.isConnected) return trigger;
    const buttons = buttonsIn(container);
    return buttons[Math.min(index, buttons.length - 1)];
  };

  const place = () => {
    if (ended) return;
    if (!container.isConnected) return end();
    const focused = doc.activeElement;
    const free = !focused || focused === doc.body || focused === trigger || focused === holder;
    if (!free) return;
    const target = successor();
    if (!target || target === focused || (target as HTMLButtonElement).disabled) return;
    placing = true;
    target.focus();
    placing = false;
    if (doc.activeElement === target) holder = target;
  };

  // Focus that goes anywhere else is the person's (or another part of the page's) choice.
  const onFocusIn = (e: FocusEvent) => {
    if (!placing && e.target !== trigger && e.target !== holder) end();
  };
  const onPointerDown = () => end();
  const observer = new MutationObserver(place);

  function end() {
    if (ended) return;
    ended = true;
    observer.disconnect();
    doc.removeEventListener('focusin', onFocusIn, true);
    doc.removeEventListener('pointerdown', onPointerDown, true);
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    if (current.get(container!) === handOff) current.delete(container!);
  }

  let settled = false;
  const handOff: FocusHandOff = {
    settle() {
      if (ended || settled) return;
      settled = true;
      for (const ms of SETTLE_CHECKS_MS) later(place, ms);
      later(end, HAND_OFF_AFTER_SETTLE_MS);
    },
    end,
  };

  observer.observe(container, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['disabled', 'data-loading', 'aria-label'],
  });
  doc.addEventListener('focusin', onFocusIn, true);
  doc.addEventListener('pointerdown', onPointerDown, true);
  later(end, HAND_OFF_MAX_MS);
  current.set(container, handOff);
  return handOff;
}
