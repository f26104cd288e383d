import classes from './skip-link.module.css';

/** The first tab stop: jumps past the header and navigation to the page's content. */
export function SkipLink() {
  return (
    <a href="#main-content" className={classes.skip}>
      Skip to content
    </a>
  );
}
