import type { ReactNode } from 'react';
import { Link } from 'react-router';
import classes from './cells.module.css';

/** Light cell content for virtual tables (see cells.module.css for why not Mantine's Text). */

const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

export function CellStack({ children }: { children: ReactNode }) {
  return <div className={classes.stack}>{children}</div>;
}

/**
 * A line of cell text; `sub` is the smaller, dimmed second line. It wraps rather than being cut: a
 * row grows a line taller before a schedule reads "Daily at 11:3…". Only free text of any length (a
 * mail's subject) is cut to one line, and then its `title` holds the whole of it.
 */
export function CellText({
  children,
  sub = false,
  strong = false,
  truncateWithTitle,
  title,
}: {
  children: ReactNode;
  sub?: boolean;
  strong?: boolean;
  /** Cut to one line; this is the whole text, shown on hover. */
  truncateWithTitle?: string;
  title?: string;
}) {
  return (
    <div
      className={cx(
        sub ? classes.sub : classes.text,
        strong && classes.strong,
        truncateWithTitle !== undefined && classes.truncate,
      )}
      title={truncateWithTitle ?? title}
    >
      {children}
    </div>
  );
}

/** A link to a page of the console, in the anchor colour; `current` marks the one being shown. */
export function CellLink({
  to,
  children,
  current = false,
  replace = false,
}: {
  to: string;
  children: ReactNode;
  current?: boolean;
  replace?: boolean;
}) {
  return (
    <Link
      to={to}
      replace={replace}
      aria-current={current ? 'true' : undefined}
      className={cx(classes.text, classes.link, current && classes.strong)}
    >
      {children}
    </Link>
  );
}
