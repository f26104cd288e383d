// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmActionButton } from './confirm-action-button';
import { renderUi } from './test-render';

/** Like a mutation: `mutate` is fire-and-forget, `pending` follows on a later render. */
function MutationLike({ send }: { send: () => void }) {
  const [pending, setPending] = useState(false);
  return (
    <ConfirmActionButton
      pending={pending}
      onAction={() => {
        send();
        setTimeout(() => setPending(true), 0);
        setTimeout(() => setPending(false), 50);
      }}
    >
      Start
    </ConfirmActionButton>
  );
}

describe('ConfirmActionButton', () => {
  afterEach(cleanup);

  it('sends once on a double click, and again once the first has settled', async () => {
    const send = vi.fn();
    renderUi(<MutationLike send={send} />);
    const button = screen.getByRole('button', { name: 'Start' });
    fireEvent.click(button);
    // In a browser the second click of a double click is a later task, before the pending render.
    await Promise.resolve();
    fireEvent.click(button);
    expect(send).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(button.getAttribute('data-loading')).toBeNull());
    await act(() => new Promise((r) => setTimeout(r, 80)));
    fireEvent.click(button);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('keeps a promise-returning action pending until it settles, even when it fails', async () => {
    let fail: (e: Error) => void = () => undefined;
    const action = vi.fn(() => new Promise<void>((_, reject) => (fail = reject)));
    renderUi(<ConfirmActionButton onAction={action}>Stop</ConfirmActionButton>);
    const button = screen.getByRole('button', { name: 'Stop' });
    fireEvent.click(button);
    fireEvent.click(button);
    expect(action).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBe('true'));
    await act(() => {
      fail(new Error('refused'));
      return Promise.resolve();
    });
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBeNull());
  });

  it('asks first when the action interrupts work, and cancelling sends nothing', async () => {
    const action = vi.fn();
    renderUi(
      <ConfirmActionButton
        onAction={action}
        confirm={{ title: 'Stop this backup?', message: 'It stops.', confirmLabel: 'Stop backup' }}
      >
        Stop
      </ConfirmActionButton>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await screen.findByRole('dialog', { name: 'Stop this backup?' });
    // The safe choice has the focus, so that Enter at once stops nothing.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' })));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(action).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Stop backup' }));
    expect(action).toHaveBeenCalledTimes(1);
  });

  it('shows a refused action disabled with its reason instead of sending it', () => {
    const action = vi.fn();
    renderUi(
      <ConfirmActionButton onAction={action} disabledReason="The configuration is disabled.">
        Start
      </ConfirmActionButton>,
    );
    const button = screen.getByRole('button', { name: 'Start' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(action).not.toHaveBeenCalled();
  });
});
