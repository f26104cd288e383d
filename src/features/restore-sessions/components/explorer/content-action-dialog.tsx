import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/List.css';
import '@mantine/core/styles/PasswordInput.css';
import '@mantine/core/styles/Table.css';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import type {
  ContentActionInput,
  ContentActionOutcome,
  ContentActionSpec,
  ContentItem,
} from '../../../../api/restore-content';
import { formatCount } from '../../../../lib/format';
import { useContentAction } from '../../mutations';
import { itemListIn, useReturnFocus } from './return-focus';

/** Hands a file to the browser to save, under its name. */
export function saveFile(file: { name: string; blob: Blob }) {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type Step = 'form' | 'confirm';

/** What the selection is called in a sentence: "Q3 numbers" or "3 items". */
function selectionWords(items: readonly ContentItem[]): string {
  return items.length === 1 ? `“${items[0]!.title}”` : `${formatCount(items.length)} items`;
}

/**
 * Runs one action on the selected items: asks what the action needs, shows a summary to confirm,
 * stays pending (it cannot be sent twice) until the service answers, then shows its counters or
 * saves the file. The password is kept only in this dialog's state and sent with this one request.
 */
export function ContentActionDialog({
  connectionId,
  sessionId,
  nodeId,
  placeName,
  action,
  items,
  onClose,
}: {
  connectionId: string;
  sessionId: string;
  nodeId: string;
  placeName: string;
  action: ContentActionSpec;
  items: readonly ContentItem[];
  onClose: () => void;
}) {
  const run = useContentAction(connectionId, sessionId);
  const [step, setStep] = useState<Step>('form');
  const [target, setTarget] = useState('');
  const [folder, setFolder] = useState('');
  const [options, setOptions] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(action.options.map((o) => [o.key, o.default])),
  );
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [mail, setMail] = useState({ to: '', subject: '', text: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const sent = useRef(false);
  const outcome: ContentActionOutcome | undefined = run.data;
  // Closing unmounts the dialog: focus goes back to the action's button, else to the item list.
  useReturnFocus(() => itemListIn(document));

  // A saved file goes to the browser once, when it arrives.
  useEffect(() => {
    if (outcome?.file) saveFile(outcome.file);
  }, [outcome]);

  const next = (e: FormEvent) => {
    e.preventDefault();
    if (action.target && !target.trim()) return setProblem(`${action.target.label} is required.`);
    if (action.credentials && (!userName.trim() || !password))
      return setProblem('Enter the account and its password.');
    if (action.mail && !mail.to.trim()) return setProblem('Enter the address to send to.');
    setProblem(null);
    setStep('confirm');
  };

  const confirm = () => {
    if (sent.current) return; // a double click sends once
    sent.current = true;
    const input: ContentActionInput = {
      action: action.key,
      nodeId,
      itemIds: items.map((i) => i.id),
      options,
      ...(action.target ? { target: target.trim() } : {}),
      ...(action.folder && folder.trim() ? { folder: folder.trim() } : {}),
      ...(action.credentials ? { credentials: { userName: userName.trim(), password } } : {}),
      ...(action.mail ? { mail: { ...mail, to: mail.to.trim() } } : {}),
      suggestedName: items.length === 1 ? items[0]!.title : `${placeName} (${items.length} items)`,
    };
    run.mutate(input, { onSettled: () => setPassword('') });
  };

  const summary = (
    <List size="sm" spacing={4}>
      <List.Item>
        {action.label}: {selectionWords(items)} from {placeName}
      </List.Item>
      {action.target && (
        <List.Item>
          {action.target.label}: {target}
        </List.Item>
      )}
      {action.folder && folder && (
        <List.Item>
          {action.folder.label}: {folder}
        </List.Item>
      )}
      {action.options.map((o) => (
        <List.Item key={o.key}>
          {o.label}: {options[o.key] ? 'yes' : 'no'}
        </List.Item>
      ))}
      {action.credentials && <List.Item>As {userName}</List.Item>}
      {action.mail && <List.Item>To {mail.to}</List.Item>}
    </List>
  );

  const busy = run.isPending;
  return (
    <Modal
      opened
      returnFocus={false}
      onClose={busy ? () => undefined : onClose}
      closeOnEscape={!busy}
      closeOnClickOutside={!busy}
      withCloseButton={!busy}
      title={action.label}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {outcome ? (
        <Stack gap="sm" data-testid="action-outcome">
          <Alert
            color={outcome.counters.some((c) => c.label === 'Failed' && c.value > 0) ? 'yellow' : 'green'}
            title="Done"
          >
            {outcome.file
              ? `${outcome.file.name} was saved (${formatCount(outcome.file.blob.size)} bytes).`
              : `${action.label}: ${selectionWords(items)}.`}
          </Alert>
          {outcome.counters.length > 0 && (
            <Table aria-label="Counters" withRowBorders={false} w="auto">
              <Table.Tbody>
                {outcome.counters.map((c) => (
                  <Table.Tr key={c.label}>
                    <Table.Th scope="row">{c.label}</Table.Th>
                    <Table.Td ta="right">{formatCount(c.value)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {outcome.messages.length > 0 && (
            <List size="sm">
              {outcome.messages.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          )}
          <Group justify="flex-end">
            {outcome.file && (
              <Button variant="default" onClick={() => saveFile(outcome.file!)}>
                Save the file again
              </Button>
            )}
            <Button onClick={onClose}>Close</Button>
          </Group>
        </Stack>
      ) : run.isError ? (
        <Stack gap="sm">
          <Alert color="red" title="The service refused" role="alert">
            {run.error.message}
          </Alert>
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                sent.current = false;
                run.reset();
                setStep('form');
              }}
            >
              Back
            </Button>
            <Button onClick={onClose}>Close</Button>
          </Group>
        </Stack>
      ) : step === 'confirm' ? (
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            Check before you go on:
          </Text>
          {summary}
          <Group justify="flex-end">
            <Button variant="default" disabled={busy} onClick={() => setStep('form')}>
              Back
            </Button>
            <Button loading={busy} onClick={confirm}>
              {busy ? 'Working…' : `Confirm: ${action.label.toLowerCase()}`}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={next} aria-label={action.label} noValidate>
          {/* The first field takes the focus as the dialog opens (Mantine's data-autofocus), not its × */}
          <Stack gap="sm">
            <Text size="sm">
              {selectionWords(items)} from {placeName}.
            </Text>
            {action.target && (
              <TextInput
                data-autofocus
                label={action.target.label}
                description={action.target.description}
                required
                value={target}
                onChange={(e) => setTarget(e.currentTarget.value)}
              />
            )}
            {action.folder && (
              <TextInput
                data-autofocus={!action.target || undefined}
                label={action.folder.label}
                description={action.folder.description}
                value={folder}
                onChange={(e) => setFolder(e.currentTarget.value)}
              />
            )}
            {action.options.map((o, i) => (
              <Checkbox
                key={o.key}
                data-autofocus={(i === 0 && !action.target && !action.folder) || undefined}
                label={o.label}
                checked={options[o.key] ?? false}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setOptions((x) => ({ ...x, [o.key]: on }));
                }}
              />
            ))}
            {action.credentials && (
              <>
                <TextInput
                  data-autofocus={
                    (!action.target && !action.folder && action.options.length === 0) || undefined
                  }
                  label="Microsoft 365 account"
                  description="An account of the organization allowed to restore; used for this restore only."
                  required
                  autoComplete="username"
                  value={userName}
                  onChange={(e) => setUserName(e.currentTarget.value)}
                />
                <PasswordInput
                  label="Password"
                  required
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                />
              </>
            )}
            {action.mail && (
              <>
                <TextInput
                  data-autofocus={
                    (!action.target &&
                      !action.folder &&
                      action.options.length === 0 &&
                      !action.credentials) ||
                    undefined
                  }
                  label="Send to"
                  required
                  type="email"
                  value={mail.to}
                  onChange={(e) => {
                    const to = e.currentTarget.value;
                    setMail((m) => ({ ...m, to }));
                  }}
                />
                <TextInput
                  label="Subject"
                  value={mail.subject}
                  onChange={(e) => {
                    const subject = e.currentTarget.value;
                    setMail((m) => ({ ...m, subject }));
                  }}
                />
                <Textarea
                  label="Message"
                  value={mail.text}
                  onChange={(e) => {
                    const text = e.currentTarget.value;
                    setMail((m) => ({ ...m, text }));
                  }}
                />
              </>
            )}
            {problem && (
              <Text size="sm" c="red" role="alert">
                {problem}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit">Next</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
