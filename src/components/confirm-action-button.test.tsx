// @vitest-environment jsdom
import { Group } from '@mantine/core';
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

/** A promise and its resolve, to settle an action when the test says so. */
function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * Like a configuration's commands: Start gives way to Stop, Disable to Enable, with what the service
 * answers (`swap`) before the action's promise settles, as a mutation's refetch on settle does.
 */
function Commands({ settle }: { settle: () => Promise<void> }) {
  const [running, setRunning] = useState(false);
  const [enabled, setEnabled] = useState(true);
  const command = (change: () => void) => () => settle().then(change);
  return (
    <>
      <Group>
        {running ? (
          <ConfirmActionButton
            onAction={command(() => setRunning(false))}
            confirm={{ title: 'Stop?', message: 'It stops.', confirmLabel: 'Stop backup' }}
          >
            Stop
          </ConfirmActionButton>
        ) : (
          <ConfirmActionButton onAction={command(() => setRunning(true))}>Start</ConfirmActionButton>
        )}
        {enabled ? (
          <ConfirmActionButton
            onAction={command(() => setEnabled(false))}
            confirm={{ title: 'Disable?', message: 'It stops running.', confirmLabel: 'Disable it' }}
          >
            Disable
          </ConfirmActionButton>
        ) : (
          <ConfirmActionButton onAction={command(() => setEnabled(true))}>Enable</ConfirmActionButton>
        )}
      </Group>
      <button type="button">Elsewhere</button>
    </>
  );
}

const button = (name: string) => screen.getByRole('button', { name });

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

  it('ties the reason to the refused button for screen readers, and shows it on focus too', async () => {
    renderUi(
      <ConfirmActionButton onAction={() => undefined} disabledReason="The configuration is disabled.">
        Start
      </ConfirmActionButton>,
    );
    const start = screen.getByRole('button', { name: 'Start' });
    const describedBy = start.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    expect(document.getElementById(describedBy!)?.textContent).toBe('The configuration is disabled.');
    // Focusable, for a keyboard to reach it.
    expect(start.hasAttribute('disabled')).toBe(false);
    expect(screen.queryByRole('tooltip')).toBeNull();
    act(() => start.focus());
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip.textContent).toBe('The configuration is disabled.');
  });

  describe('keeps the keyboard focus in place across the action', () => {
    it('on the button that took the place of the one pressed: Stop after Start, Start after Stop', async () => {
      renderUi(<Commands settle={() => Promise.resolve()} />);
      act(() => button('Start').focus());
      fireEvent.click(button('Start'));
      await waitFor(() => expect(document.activeElement).toBe(button('Stop')));

      fireEvent.click(button('Stop'));
      fireEvent.click(await screen.findByRole('button', { name: 'Stop backup' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      await waitFor(() => expect(document.activeElement).toBe(button('Start')));
    });

    it('on Enable after a confirmed Disable, and on Disable after Enable', async () => {
      renderUi(<Commands settle={() => new Promise((r) => setTimeout(r, 20))} />);
      act(() => button('Disable').focus());
      fireEvent.click(button('Disable'));
      fireEvent.click(await screen.findByRole('button', { name: 'Disable it' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      await waitFor(() => expect(document.activeElement).toBe(button('Enable')));

      fireEvent.click(button('Enable'));
      await waitFor(() => expect(document.activeElement).toBe(button('Disable')));
    });

    it('on the same button once enabled again, when nothing took its place', async () => {
      const action = deferred();
      renderUi(
        <ConfirmActionButton
          onAction={() => action.promise}
          confirm={{ title: 'Stop?', message: 'It stops.', confirmLabel: 'Stop backup' }}
        >
          Stop
        </ConfirmActionButton>,
      );
      act(() => button('Stop').focus());
      fireEvent.click(button('Stop'));
      fireEvent.click(await screen.findByRole('button', { name: 'Stop backup' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      // The dialog could not give the focus back to a busy button (as a run still stopping keeps it).
      await act(() => new Promise((r) => setTimeout(r, 50)));
      expect(button('Stop').getAttribute('aria-busy')).toBe('true');
      expect(document.activeElement).toBe(document.body);
      await act(() => {
        action.resolve();
        return action.promise;
      });
      await waitFor(() => expect(document.activeElement).toBe(button('Stop')));
    });

    it('but not when the person has moved the focus elsewhere meanwhile', async () => {
      const action = deferred();
      renderUi(<Commands settle={() => action.promise} />);
      act(() => button('Start').focus());
      fireEvent.click(button('Start'));
      act(() => button('Elsewhere').focus());
      await act(() => {
        action.resolve();
        return action.promise;
      });
      await screen.findByRole('button', { name: 'Stop' });
      await act(() => new Promise((r) => setTimeout(r, 500)));
      expect(document.activeElement).toBe(button('Elsewhere'));
    });
  });
});
