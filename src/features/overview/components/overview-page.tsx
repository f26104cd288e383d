import '@mantine/core/styles/Grid.css';
import { Grid, Paper, Stack, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ConnectionOverview, Run, RunState } from '../../../api/domain';
import { isInFlight } from '../../../api/domain';
import { jobsWithLiveRuns, withLiveRuns } from '../../../api/live-runs';
import { overviewOf } from '../../../api/overview';
import { LiveIndicator } from '../../../components/live-indicator';
import { usePageAccess } from '../../../components/page-access';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { mergeFailures, queryFailures, useLiveRuns } from '../../../components/use-live-runs';
import { useSameArray } from '../../../components/use-same-array';
import { overviewQueries } from '../queries';
import { RunList } from './run-list';
import type { Scheduled } from './scheduled-list';
import { ScheduledList } from './scheduled-list';
import { StateCounts } from './state-counts';

const newest = (a: Run, b: Run) =>
  (b.updatedAt ?? b.startedAt ?? '').localeCompare(a.updatedAt ?? a.startedAt ?? '');

/** Everything across connections: counts by state, what runs now, what failed or is overdue, what is next. */
export function OverviewPage() {
  const access = usePageAccess();
  // Per connection: its run feeds (polled fast while something moves) and its configurations or jobs
  // (slow): one request per connection per tick while one kind of run is in flight.
  const live = useLiveRuns(access.signedIn);
  const results = useQueries({
    queries: access.signedIn.map((c) => overviewQueries.scheduled(c.id)),
  });
  const scheduledData = useSameArray(results.map((r) => r.data ?? null));
  const scheduledAt = Math.max(0, ...results.map((r) => r.dataUpdatedAt));
  const loaded = useMemo(
    () =>
      access.signedIn.flatMap((c, i): ConnectionOverview[] => {
        const lists = scheduledData[i];
        const runs = live.runs.filter((r) => r.connectionId === c.id);
        if (!lists || live.pending) return [];
        return [
          overviewOf({
            connectionId: c.id,
            runs,
            configurations: withLiveRuns(lists.configurations, runs),
            jobs: jobsWithLiveRuns(lists.jobs, runs),
            // "Now" is when the answers arrived, so the view moves with the data, not with renders.
            now: Math.max(live.updatedAt, scheduledAt),
          }),
        ];
      }),
    [access.signedIn, live.runs, live.pending, live.updatedAt, scheduledData, scheduledAt],
  );
  const failures = mergeFailures(live.failures, queryFailures(results, access.signedIn));

  const counts = Object.fromEntries(
    (Object.keys(loaded[0]?.countsByState ?? {}) as RunState[]).map((s) => [
      s,
      loaded.reduce((n, o) => n + o.countsByState[s], 0),
    ]),
  ) as Record<RunState, number>;
  const runs = loaded.flatMap((o) => o.runs);
  const running = runs.filter((r) => isInFlight(r.state)).sort(newest);
  const failed = runs
    .filter((r) => r.state === 'failed' || r.state === 'missed')
    .sort(newest)
    .slice(0, 20);
  const scheduled: Scheduled[] = loaded.flatMap((o) =>
    o.scheduled.map((s) => ({ ...s, connectionId: o.connectionId })),
  );
  const overdue = scheduled.filter((s) => s.overdue);
  const next = scheduled
    .filter((s) => s.enabled && !s.overdue && s.nextRunAt)
    .sort((a, b) => (a.nextRunAt ?? '').localeCompare(b.nextRunAt ?? ''))
    .slice(0, 10);

  return (
    <>
      <PageHeader
        title="Overview"
        description="Runs of the last day across all connections."
        actions={<LiveIndicator />}
      />
      <Stack gap="md">
        {failures.map(({ connection, error, retry }) => (
          <ErrorState
            key={connection.id}
            title={`Could not load ${connection.label}`}
            error={error}
            onRetry={retry}
          />
        ))}
        {access.signedIn.length === 0 ? (
          <EmptyState title="No connection signed in">Sign in to a connection to see its backups.</EmptyState>
        ) : loaded.length === 0 && failures.length === 0 ? (
          <LoadingState label="Loading the overview" />
        ) : (
          loaded.length > 0 && (
            <>
              <StateCounts counts={counts} />
              <Grid gap="md">
                <Grid.Col span={{ base: 12, md: 7 }}>
                  <Section title="Running now">
                    <RunList
                      runs={running}
                      label={access.label}
                      emptyTitle="Nothing runs right now"
                      ariaLabel="Running now"
                    />
                  </Section>
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 5 }}>
                  <Section title="Next up">
                    <ScheduledList
                      items={next}
                      label={access.label}
                      emptyTitle="Nothing scheduled"
                      ariaLabel="Next up"
                    />
                  </Section>
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 7 }}>
                  <Section title="Failed or missed">
                    <RunList
                      runs={failed}
                      label={access.label}
                      emptyTitle="No failures in the last day"
                      ariaLabel="Failed or missed"
                    />
                  </Section>
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 5 }}>
                  <Section title="Overdue">
                    <ScheduledList
                      items={overdue}
                      label={access.label}
                      emptyTitle="Nothing overdue"
                      ariaLabel="Overdue"
                    />
                  </Section>
                </Grid.Col>
              </Grid>
            </>
          )
        )}
      </Stack>
    </>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
