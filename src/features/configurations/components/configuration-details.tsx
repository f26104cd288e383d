import '@mantine/core/styles/Code.css';
import '@mantine/core/styles/List.css';
import { Code, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { BackupTarget } from '../../../api/domain';
import { Fact } from '../../../components/fact';
import { scheduleZoneText, scheduleZoneTitle } from '../../../components/schedule-zone';
import { NONE, formatDateTime, formatRelative } from '../../../lib/format';

function Paths({ title, paths, empty }: { title: string; paths: string[]; empty: string }) {
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {paths.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <List size="sm" spacing={2} aria-label={title}>
          {paths.map((p) => (
            <List.Item key={p}>
              <Code>{p}</Code>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** A configuration's settings, schedule, and what it includes and excludes. */
export function ConfigurationDetails({
  configuration: c,
  connectionLabel,
}: {
  configuration: BackupTarget;
  connectionLabel: string;
}) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder p="md" component="section" aria-label="Settings">
        <Title order={2} size="h4" mb="sm">
          Settings
        </Title>
        <SimpleGrid cols={2} spacing="sm" component="dl" m={0}>
          <Fact label="Machine">{c.machine?.name}</Fact>
          <Fact label="Connection">{connectionLabel}</Fact>
          <Fact label="Enabled">{c.enabled ? 'Yes' : 'No'}</Fact>
          <Fact label="Encrypted vault">{c.encrypted ? 'Yes' : 'No'}</Fact>
          <Fact label="Keeps versions">
            {c.retentionDays == null ? '—' : c.retentionDays === 0 ? 'Forever' : `${c.retentionDays} days`}
          </Fact>
          <Fact label="Region">{c.region ?? '—'}</Fact>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" component="section" aria-label="Schedule">
        <Title order={2} size="h4" mb="sm">
          Schedule
        </Title>
        <SimpleGrid cols={2} spacing="sm" component="dl" m={0}>
          <Fact label="Runs">{c.schedule.description}</Fact>
          <Fact label="Time zone">
            <span title={scheduleZoneTitle(c.schedule)}>
              {scheduleZoneText(c.schedule, c.nextRunAt, { withManual: true }) ?? NONE}
            </span>
          </Fact>
          <Fact label="Next run">
            {c.nextRunAt
              ? `${formatDateTime(c.nextRunAt)} (${formatRelative(c.nextRunAt)})`
              : c.schedule.manual
                ? 'Manual only'
                : '—'}
          </Fact>
          <Fact label="Last run">{c.lastRun?.at ? formatDateTime(c.lastRun.at) : 'Never'}</Fact>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" component="section" aria-label="Files" style={{ gridColumn: '1 / -1' }}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Paths title="Inclusions" paths={c.inclusions ?? []} empty="Nothing included." />
          <Paths title="Exclusions" paths={c.exclusions ?? []} empty="Nothing excluded." />
        </SimpleGrid>
      </Paper>
    </SimpleGrid>
  );
}
