import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Tooltip.css';
import '@mantine/core/styles/VisuallyHidden.css';
import type { ButtonProps } from '@mantine/core';
import { Button, Group, Modal, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import type { FocusHandOff } from './focus-hand-off';
import { handOffFocus } from './focus-hand-off';

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
 * until the first has settled, and asks first when the action interrupts work. Keyboard focus stays in
 * place across the action (focus-hand-off.ts): on this button once it is enabled again, or on the one
 * that took its place (Stop after Start, Enable after Disable). A refused action's reason is the
 * button's description, and its tooltip opens on focus as well as on hover.
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
  const button = useRef<HTMLButtonElement>(null);
  const handOff = useRef<FocusHandOff | null>(null);
  const reasonId = useId();

  // A fire-and-forget action (a mutation's `mutate`) is over when its `pending` goes true, then false.
  useEffect(() => {
    if (pending) sawPending.current = true;
    else if (sawPending.current) {
      sawPending.current = false;
      inFlight.current = false;
      handOff.current?.settle();
    }
  }, [pending]);

  const run = () => {
    if (inFlight.current || isPending) return;
    inFlight.current = true;
    setAsking(false);
    // Taken before the action: it disables this button, and may replace it by another.
    const focus = (handOff.current = handOffFocus(button.current));
    const result = onAction();
    if (result instanceof Promise) {
      setBusy(true);
      // Errors surface once through the mutation error handler; nothing more to do here.
      void result
        .catch(() => undefined)
        .finally(() => {
          inFlight.current = false;
          setBusy(false);
          focus.settle();
        });
    } else {
      // An action that never reports pending: let it be sent again after a moment.
      setTimeout(() => {
        if (!sawPending.current) {
          inFlight.current = false;
          focus.settle();
        }
      }, 1000);
    }
  };

  if (disabledReason) {
    // Focusable (aria-disabled, not disabled), so that a keyboard reaches it and hears why.
    return (
      <>
        <Tooltip label={disabledReason} events={{ hover: true, focus: true, touch: false }}>
          <Button
            {...buttonProps}
            ref={button}
            data-disabled
            aria-disabled="true"
            aria-describedby={reasonId}
            onClick={(e) => e.preventDefault()}
          >
            {children}
          </Button>
        </Tooltip>
        {/* The description while the tooltip is closed (the tooltip says the same when open). */}
        <VisuallyHidden id={reasonId}>{disabledReason}</VisuallyHidden>
      </>
    );
  }

  return (
    <>
      <Button
        {...buttonProps}
        ref={button}
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
