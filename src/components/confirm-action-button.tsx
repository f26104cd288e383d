import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Tooltip.css';
import type { ButtonProps } from '@mantine/core';
import { Button, Group, Modal, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';

export interface ConfirmSpec {
  title: string;
  message: ReactNode;
  confirmLabel: string;
}

export interface ConfirmActionButtonProps extends Omit<ButtonProps, 'children' | 'loading' | 'disabled'> {
  children: ReactNode;
  /** Starts the action. A returned promise keeps the button pending until it settles. */
  onAction: () => unknown;
  /** Pending from outside (a mutation's isPending). */
  pending?: boolean;
  /** Ask first: for actions that interrupt work (stop, disable). */
  confirm?: ConfirmSpec;
  /** Shown disabled with this reason instead of hidden, when a person should know why not. */
  disabledReason?: string;
  'aria-label'?: string;
}

/**
 * A button for an action on the service: it shows that the action is pending, ignores a second click
 * until the first has settled, and asks first when the action interrupts work.
 */
export function ConfirmActionButton({
  children,
  onAction,
  pending = false,
  confirm,
  disabledReason,
  ...buttonProps
}: ConfirmActionButtonProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  // Refs, not state: the two clicks of a double click arrive before React renders the first.
  const inFlight = useRef(false);
  const sawPending = useRef(false);
  const isPending = pending || busy;

  // A fire-and-forget action (a mutation's `mutate`) is over when its `pending` goes true, then false.
  useEffect(() => {
    if (pending) sawPending.current = true;
    else if (sawPending.current) {
      sawPending.current = false;
      inFlight.current = false;
    }
  }, [pending]);

  const run = () => {
    if (inFlight.current || isPending) return;
    inFlight.current = true;
    setAsking(false);
    const result = onAction();
    if (result instanceof Promise) {
      setBusy(true);
      // Errors surface once through the mutation error handler; nothing more to do here.
      void result
        .catch(() => undefined)
        .finally(() => {
          inFlight.current = false;
          setBusy(false);
        });
    } else {
      // An action that never reports pending: let it be sent again after a moment.
      setTimeout(() => {
        if (!sawPending.current) inFlight.current = false;
      }, 1000);
    }
  };

  if (disabledReason) {
    return (
      <Tooltip label={disabledReason}>
        <Button {...buttonProps} data-disabled aria-disabled="true" onClick={(e) => e.preventDefault()}>
          {children}
        </Button>
      </Tooltip>
    );
  }

  return (
    <>
      <Button
        {...buttonProps}
        loading={isPending}
        aria-busy={isPending || undefined}
        onClick={() => (confirm ? setAsking(true) : run())}
      >
        {children}
      </Button>
      {confirm && (
        <Modal
          opened={asking}
          onClose={() => setAsking(false)}
          title={confirm.title}
          centered
          closeButtonProps={{ 'aria-label': 'Close' }}
        >
          <Text size="sm">{confirm.message}</Text>
          <Group justify="flex-end" mt="md">
            {/* Focus on the safe choice: Enter at once must not stop or disable anything. */}
            <Button variant="default" onClick={() => setAsking(false)} data-autofocus>
              Cancel
            </Button>
            <Button color="red.9" onClick={run}>
              {confirm.confirmLabel}
            </Button>
          </Group>
        </Modal>
      )}
    </>
  );
}
