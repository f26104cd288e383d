import { createHash } from 'node:crypto';

/**
 * The one script a page carries inline: before the body paints, it sets the colour scheme the console
 * will use (`data-mantine-color-scheme` on `<html>`: the one chosen in this browser, which Mantine keeps
 * in localStorage, else the system's), so that a page the server rendered (src/server-render.tsx) never
 * shows in light for a moment on a dark screen. React's Mantine provider sets the same attribute once it
 * runs (defaultColorScheme "auto").
 */
export const COLOR_SCHEME_SCRIPT =
  'try{var s=localStorage.getItem("mantine-color-scheme-value");' +
  'if(s!=="light"&&s!=="dark")s=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";' +
  'document.documentElement.setAttribute("data-mantine-color-scheme",s)}catch(e){}';

/** Its CSP source: the policy allows this script by its hash and no other inline script. */
export const COLOR_SCHEME_SCRIPT_HASH = `'sha256-${createHash('sha256').update(COLOR_SCHEME_SCRIPT).digest('base64')}'`;
