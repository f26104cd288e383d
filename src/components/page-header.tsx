import '@mantine/core/styles/Breadcrumbs.css';
import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDocumentTitle } from './document-title';

/**
 * The one h1 of a page, an optional line under it, and the page's actions on the right. The title is
 * also the document's title (`documentTitle` when the heading is not plain text).
 */
export function PageHeader({
  title,
  documentTitle,
  description,
  actions,
  breadcrumbs,
}: {
  title: ReactNode;
  documentTitle?: string;
  description?: ReactNode;
  actions?: ReactNode;
  breadcrumbs?: ReactNode;
}) {
  useDocumentTitle(documentTitle ?? (typeof title === 'string' ? title : null));
  return (
    <Stack gap={4} mb="md">
      {breadcrumbs}
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        {/* A long name with no space in it (a domain, a path) breaks rather than widen the page. */}
        <Stack gap={2} miw={0} style={{ overflowWrap: 'anywhere' }}>
          <Title order={1} size="h2">
            {title}
          </Title>
          {description && (
            <Text c="dimmed" size="sm">
              {description}
            </Text>
          )}
        </Stack>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
    </Stack>
  );
}
