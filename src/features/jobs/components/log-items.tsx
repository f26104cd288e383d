import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Table.css';
import { Badge, Table } from '@mantine/core';
import type { LogItem } from '../../../api/domain';
import { formatDateTime, formatDuration, secondsBetween } from '../../../lib/format';
import classes from './log-items.module.css';

const LEVEL_COLOR: Record<LogItem['level'], string> = {
  info: 'gray',
  success: 'green',
  warning: 'yellow',
  error: 'red',
};

/**
 * A session's log, oldest first as it was written; the level reads from the "[Success] …" title. On a
 * phone the time, level and duration stack in one narrow column, so that the message keeps the width
 * to read: each is rendered once and log-items.module.css moves it. Below that breakpoint the rows are
 * laid out as a grid, so the table's elements carry their roles explicitly: a browser may drop the
 * table semantics of an element whose CSS display is no longer a table's.
 */
export function LogItems({ items, label }: { items: readonly LogItem[]; label: string }) {
  return (
    <Table.ScrollContainer minWidth={280}>
      <Table aria-label={label} striped className={classes.table} role="table">
        <Table.Thead role="rowgroup">
          <Table.Tr className={classes.row} role="row">
            <Table.Th className={classes.time} role="columnheader">
              Time
            </Table.Th>
            <Table.Th className={classes.level} role="columnheader">
              Level
            </Table.Th>
            <Table.Th className={classes.message} role="columnheader">
              Message
            </Table.Th>
            <Table.Th className={classes.took} role="columnheader">
              Took
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody role="rowgroup">
          {items.map((item) => (
            <Table.Tr key={item.id} data-level={item.level} className={classes.row} role="row">
              <Table.Td className={classes.time} role="cell">
                {formatDateTime(item.at)}
              </Table.Td>
              <Table.Td className={classes.level} role="cell">
                <Badge color={LEVEL_COLOR[item.level]} variant="dot">
                  {item.level}
                </Badge>
              </Table.Td>
              <Table.Td className={classes.message} data-message role="cell">
                {item.title}
              </Table.Td>
              <Table.Td className={classes.took} role="cell">
                {item.endedAt ? (
                  <>
                    <span className={classes.tookWord}>took </span>
                    {formatDuration(secondsBetween(item.at, item.endedAt))}
                  </>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
