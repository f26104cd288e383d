import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/Table.css';
import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import type { Run } from '../../../api/domain';
import { RunProgress } from '../../../components/run-progress';
import { StatusBadge } from '../../../components/status-badge';
import { formatBytes, formatDateTime, formatDuration, secondsBetween } from '../../../lib/format';
import classes from './job-sessions.module.css';

/** How many sessions the job page lists: the recent history; older ones are in Activity. */
export const SESSIONS_SHOWN = 50;

/**
 * A job's sessions, newest first; picking one shows its statistics and log below. In a narrow box the
 * optional columns (Transferred, Duration) give way to the time, the state and the progress
 * (job-sessions.module.css).
 */
export function JobSessions({
  sessions,
  selectedId,
}: {
  sessions: readonly Run[];
  selectedId: string | null;
}) {
  return (
    <div className={classes.box}>
      <Table.ScrollContainer minWidth={640} classNames={{ scrollContainerInner: classes.inner }}>
        <Table aria-label="Job sessions" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Started</Table.Th>
              <Table.Th w={120}>State</Table.Th>
              <Table.Th className={classes.progress}>Progress</Table.Th>
              <Table.Th className={classes.optional}>Transferred</Table.Th>
              <Table.Th className={classes.optional}>Duration</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.slice(0, SESSIONS_SHOWN).map((s) => {
              const selected = s.id === selectedId;
              return (
                <Table.Tr
                  key={s.id}
                  data-status={s.state}
                  bg={selected ? 'var(--mantine-color-default-hover)' : undefined}
                >
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`?session=${encodeURIComponent(s.id)}`}
                      replace
                      size="sm"
                      aria-current={selected ? 'true' : undefined}
                    >
                      {formatDateTime(s.startedAt)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge state={s.state} vendorState={s.vendorState} />
                  </Table.Td>
                  <Table.Td>
                    <RunProgress run={s} compact />
                  </Table.Td>
                  <Table.Td className={classes.optional}>{formatBytes(s.progress.bytesDone)}</Table.Td>
                  <Table.Td className={classes.optional}>
                    {formatDuration(secondsBetween(s.startedAt, s.endedAt))}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
