import '@mantine/core/styles/Grid.css';
import { Grid, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { memo, useDeferredValue } from 'react';
import { LiveIndicator } from '../../../components/live-indicator';
import { usePageAccess } from '../../../components/page-access';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState, NotAnsweringState } from '../../../components/states';
import { RunList } from './run-list';
import { ScheduledList } from './scheduled-list';
import { StateCounts } from './state-counts';
import type { OverviewBodyData } from './use-overview';
import { useOverview } from './use-overview';

/** Everything across connections: counts by state, what runs now, what failed or is overdue, what is next. */
export function OverviewPage() {
  const access = usePageAccess();
  const o = useOverview(access);
  // The answers come in through the query cache's store, whose updates React renders at once and in
  // one piece; the body (its counts and lists, most of the page's work) renders a moment after, in a
  // render React may interrupt, so that an answer landing never holds the main thread for long.
  const shown = useDeferredValue(o.body);

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
        {o.notAnswering.map((c) => (
          <NotAnsweringState key={c.id} source={c.label} what="runs" />
        ))}
        {access.signedIn.length === 0 ? (
          <EmptyState title="No connection signed in">Sign in to a connection to see its backups.</EmptyState>
        ) : !shown.loaded ? (
          o.failures.length === 0 && <LoadingState label="Loading the overview" />
        ) : (
          <OverviewBody
            counts={shown.counts}
            running={shown.running}
            next={shown.next}
            failed={shown.failed}
            overdue={shown.overdue}
            label={access.label}
          />
        )}
      </Stack>
    </>
  );
}

type BodyProps = Omit<OverviewBodyData, 'loaded'> & { label: (connectionId: string) => string };

/** The counts and the four lists: rendered again only when one of them changed. */
const OverviewBody = memo(function OverviewBody({
  counts,
  running,
  next,
  failed,
  overdue,
  label,
}: BodyProps) {
  // Wide column, narrow column, in reading order: what runs and what is next, then what went wrong.
  const sections: { title: string; wide: boolean; body: (ariaLabel: string) => ReactNode }[] = [
    {
      title: 'Running now',
      wide: true,
      body: (ariaLabel) => (
        <RunList runs={running} label={label} emptyTitle="Nothing runs right now" ariaLabel={ariaLabel} />
      ),
    },
    {
      title: 'Next up',
      wide: false,
      body: (ariaLabel) => (
        <ScheduledList items={next} label={label} emptyTitle="Nothing scheduled" ariaLabel={ariaLabel} />
      ),
    },
    {
      title: 'Failed or missed',
      wide: true,
      body: (ariaLabel) => (
        <RunList runs={failed} label={label} emptyTitle="No failures in the last day" ariaLabel={ariaLabel} />
      ),
    },
    {
      title: 'Overdue',
      wide: false,
      body: (ariaLabel) => (
        <ScheduledList items={overdue} label={label} emptyTitle="Nothing overdue" ariaLabel={ariaLabel} />
      ),
    },
  ];
  return (
    <>
      <StateCounts counts={counts} />
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
  );
});
