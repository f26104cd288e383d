import { act, fireEvent, screen } from '@testing-library/react';

/** Presses the button named `name` from the keyboard: focused first, as Tab leaves it, then activated. */
export function pressButton(name: string): void {
  const b = screen.getByRole('button', { name });
  act(() => b.focus());
  fireEvent.click(b);
}
