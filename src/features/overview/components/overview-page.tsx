import '@mantine/core/styles/Grid.css';
import { Grid, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LiveIndicator } from '../../../components/live-indicator';
import { usePageAccess } from '../../../components/page-access';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { RunList } from './run-list';
import { ScheduledList } from './scheduled-list';
import { StateCounts } from './state-counts';
import { useOverview } from './use-overview';

/** Everything across connections: counts by state, what runs now, what failed or is overdue, what is next. */
export function OverviewPage() {
  const access = usePageAccess();
  const o = useOverview(access);
  // Wide column, narrow column, in reading order: what runs and what is next, then what went wrong.
  const sections: { title: string; wide: boolean; body: (ariaLabel: string) => ReactNode }[] = [
    {
      title: 'Running now',
      wide: true,
      body: (ariaLabel) => (
        <RunList
          runs={o.running}
          label={access.label}
          emptyTitle="Nothing runs right now"
          ariaLabel={ariaLabel}
        />
      ),
    },
    {
      title: 'Next up',
      wide: false,
      body: (ariaLabel) => (
        <ScheduledList
          items={o.next}
          label={access.label}
          emptyTitle="Nothing scheduled"
          ariaLabel={ariaLabel}
        />
      ),
    },
    {
      title: 'Failed or missed',
      wide: true,
      body: (ariaLabel) => (
        <RunList
          runs={o.failed}
          label={access.label}
          emptyTitle="No failures in the last day"
          ariaLabel={ariaLabel}
        />
      ),
    },
    {
      title: 'Overdue',
      wide: false,
      body: (ariaLabel) => (
        <ScheduledList
          items={o.overdue}
          label={access.label}
          emptyTitle="Nothing overdue"
          ariaLabel={ariaLabel}
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Overview"
        description="Runs of the last day across all connections."
        actions={<LiveIndicator />}
      />
      <Stack gap="md">
        {o.failures.map(({ connection, error, retry }) => (
          <ErrorState
            key={connection.id}
            title={`Could not load ${connection.label}`}
            source={connection.label}
            error={error}
            onRetry={retry}
          />
        ))}
        {access.signedIn.length === 0 ? (
          <EmptyState title="No connection signed in">Sign in to a connection to see its backups.</EmptyState>
        ) : !o.loaded ? (
          o.failures.length === 0 && <LoadingState label="Loading the overview" />
        ) : (
          <>
            <StateCounts counts={o.counts} />
            <Grid gap="md">
              {sections.map((s) => (
                <Grid.Col key={s.title} span={{ base: 12, md: s.wide ? 7 : 5 }}>
                  <Paper withBorder p="md" component="section" aria-label={s.title}>
                    <Title order={2} size="h4" mb="sm">
                      {s.title}
                    </Title>
                    {s.body(s.title)}
                  </Paper>
                </Grid.Col>
              ))}
            </Grid>
          </>
        )}
      </Stack>
    </>
  );
}
