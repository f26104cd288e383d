import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/Skeleton.css';
import { Alert, Button, Center, Group, Loader, Skeleton, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconClockPause,
  IconCloudOff,
  IconInbox,
  IconSearchOff,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { formatTime } from '../lib/format';
import { describeError, isNotFound, isOffline } from './error-info';

/** While the first answer is on its way: a few placeholder lines, announced to screen readers. */
export function LoadingState({ label = 'Loading', rows = 4 }: { label?: string; rows?: number }) {
  return (
    <Stack gap="xs" role="status" aria-live="polite" aria-label={label}>
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          {label}…
        </Text>
      </Group>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={28} radius="sm" />
      ))}
    </Stack>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Center py="xl">
      <Stack align="center" gap={4} role="status">
        <IconInbox size={32} aria-hidden />
        <Text fw={500}>{title}</Text>
        {children && (
          <Text size="sm" c="dimmed" ta="center">
            {children}
          </Text>
        )}
      </Stack>
    </Center>
  );
}

export function NotFoundState({ what, children }: { what: string; children?: ReactNode }) {
  return (
    <Alert color="gray" icon={<IconSearchOff aria-hidden />} title={`${what} not found`} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">It may have been deleted, or the link is wrong.</Text>
        {children}
      </Stack>
    </Alert>
  );
}

export function OfflineState({ onRetry, what }: { onRetry?: () => void; what?: string }) {
  return (
    <Alert
      color="orange"
      icon={<IconCloudOff aria-hidden />}
      title={what ? `${what} cannot be reached` : 'The service cannot be reached'}
      role="alert"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">Check the network; the console keeps trying and shows the data when it is back.</Text>
        {onRetry && (
          <Button size="xs" variant="light" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** A failed request: the service's own message, never a stack; offline and 404 get their own words. */
export function ErrorState({
  error,
  onRetry,
  what = 'This item',
  title = 'Could not load the data',
  source,
}: {
  error: unknown;
  onRetry?: () => void;
  what?: string;
  title?: string;
  /** Which connection failed, when a page reads several. */
  source?: string;
}) {
  if (isOffline(error)) return <OfflineState onRetry={onRetry} what={source} />;
  if (isNotFound(error)) return <NotFoundState what={what} />;
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={title} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{describeError(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * A connection whose first answer has not come after a while (NOT_ANSWERING_MS): named, while the
 * page shows what the others answered. A polite status, not an alert: it may still answer.
 */
export function NotAnsweringState({ source, what }: { source: string; what: string }) {
  return (
    <Alert
      color="gray"
      icon={<IconClockPause aria-hidden />}
      title={`${source} is not answering`}
      role="status"
      data-not-answering
    >
      <Text size="sm">
        {`It has not answered yet; the console keeps waiting and shows its ${what} when they come.`}
      </Text>
    </Alert>
  );
}

/**
 * A refresh that failed while earlier data stays on screen: says so, and from when that data is,
 * rather than hiding the failure or replacing the data with an error.
 */
export function RefreshFailedState({
  error,
  onRetry,
  title,
  dataAt,
}: {
  error: unknown;
  onRetry?: () => void;
  title: string;
  /** When the data on screen arrived (ms). */
  dataAt?: number;
}) {
  const reason = isOffline(error) ? 'The service cannot be reached.' : describeError(error);
  return (
    <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} title={title} role="alert" data-stale>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {reason}
          {dataAt
            ? ` Showing what it answered at ${formatTime(dataAt)}.`
            : ' Showing what it answered before.'}
        </Text>
        {onRetry && (
          <Button size="xs" variant="light" color="yellow" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
