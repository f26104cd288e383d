import type { Db } from './db';
import { cached } from './rackspace-sql';

/**
 * Row revisions for the big lists, kept by SQLite itself: every insert or update of a row of a listed
 * table draws a new `rev` from that table's counter in a versions table, in triggers, so that no
 * write path (API, engine tick, seed, recovery) can change a row without the lists knowing. A list
 * keeps each row's rendered JSON with the rev it was made at (fragment-list.ts), and a whole answer
 * with the table's counter: an unchanged counter means an unchanged list.
 */

/** The versions table of one module: one counter per listed table. */
export function versionsTableSql(versions: string): string {
  return `CREATE TABLE ${versions} (name TEXT PRIMARY KEY, v INTEGER NOT NULL);`;
}

/**
 * Gives `table` a `rev` column and the triggers that keep it. `watched` limits the updates that count
 * to those columns (the ones a list shows); without it every update counts. `touch` is SQL run in the
 * update trigger as well, to bump the rows of another table that show this one's columns.
 */
export function revTriggersSql(
  table: string,
  versions: string,
  opts: { key: string; watched?: string[]; touch?: string } = { key: 'id' },
): string {
  return `
    ALTER TABLE ${table} ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
    INSERT INTO ${versions} (name, v) VALUES ('${table}', 0);
    CREATE TRIGGER ${table}_rev_insert AFTER INSERT ON ${table} BEGIN ${bumpSql(table, versions, opts.key)}
    END;
    ${revUpdateTriggerSql(table, versions, opts)}`;
}

/** The update trigger alone: a later migration drops and makes it again to change what it watches. */
export function revUpdateTriggerSql(
  table: string,
  versions: string,
  opts: { key: string; watched?: string[]; touch?: string },
): string {
  const of = opts.watched ? ` OF ${opts.watched.join(', ')}` : '';
  // The rev's own update leaves NEW.rev != OLD.rev, which ends the trigger's recursion.
  return `
    CREATE TRIGGER ${table}_rev_update AFTER UPDATE${of} ON ${table} WHEN NEW.rev = OLD.rev BEGIN
      ${bumpSql(table, versions, opts.key)}
      ${opts.touch ?? ''}
    END;`;
}

function bumpSql(table: string, versions: string, key: string): string {
  return `
    UPDATE ${versions} SET v = v + 1 WHERE name = '${table}';
    UPDATE ${table} SET rev = (SELECT v FROM ${versions} WHERE name = '${table}') WHERE ${key} = NEW.${key};`;
}

/** A table's counter: it moves with every write that a list of that table could show. */
export function tableVersion(db: Db, versions: string, table: string): number {
  const row = cached(db, `SELECT v FROM ${versions} WHERE name = ?`).get(table) as { v: number } | undefined;
  return row?.v ?? 0;
}
