import type { ReactNode } from 'react';
import { Link } from 'react-router';
import classes from './cells.module.css';

/** Light cell content for virtual tables (see cells.module.css for why not Mantine's Text). */

const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

export function CellStack({ children }: { children: ReactNode }) {
  return <div className={classes.stack}>{children}</div>;
}

/** A line of cell text; `sub` is the smaller, dimmed second line. */
export function CellText({
  children,
  sub = false,
  strong = false,
  truncate = false,
  nowrap = false,
  title,
}: {
  children: ReactNode;
  sub?: boolean;
  strong?: boolean;
  truncate?: boolean;
  nowrap?: boolean;
  title?: string;
}) {
  return (
    <div
      className={cx(
        sub ? classes.sub : classes.text,
        strong && classes.strong,
        truncate && classes.truncate,
        nowrap && classes.nowrap,
      )}
      title={title}
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
      className={cx(classes.text, classes.link, classes.truncate, current && classes.strong)}
    >
      {children}
    </Link>
  );
}
