import '@mantine/core/styles/Alert.css';
import { Alert, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { apiRuntime } from '../../api/runtime';
import { PageHeader } from '../../components/page-header';

/**
 * A page of the console server's own (its connections, audit log, users): shown in console mode. A
 * console that signs in to each vendor itself has no console server to ask, and says so, rather than
 * showing the page's controls and a "not signed in" from a server that is not there.
 */
export function ConsoleServerOnly({
  title,
  what,
  children,
}: {
  title: string;
  /** What the page would show: "the users it lets in". */
  what: string;
  children: ReactNode;
}) {
  if (apiRuntime().consoleMode !== null) return children;
  return (
    <>
      <PageHeader title={title} />
      <Alert color="gray" icon={<IconInfoCircle aria-hidden />} title="Only with the console server">
        <Text size="sm">
          This console signs in to each vendor from the browser. The console server, which holds the
          connections&apos; credentials, keeps {what}: this page is there in console mode.
        </Text>
      </Alert>
    </>
  );
}
