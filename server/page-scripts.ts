import { createHash } from 'node:crypto';

/**
 * The inline scripts a page may carry; the CSP allows these by their hashes and no other inline script.
 */

/**
 * Before the body paints, sets the colour scheme the console will use (`data-mantine-color-scheme` on
 * `<html>`: the one chosen in this browser, which Mantine keeps in localStorage, else the system's), so
 * that a page the server rendered (src/server-render.tsx) never shows in light for a moment on a dark
 * screen. React's Mantine provider sets the same attribute once it runs (defaultColorScheme "auto").
 */
export const COLOR_SCHEME_SCRIPT =
  'try{var s=localStorage.getItem("mantine-color-scheme-value");' +
  'if(s!=="light"&&s!=="dark")s=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";' +
  'document.documentElement.setAttribute("data-mantine-color-scheme",s)}catch(e){}';

/**
 * At the end of a page the browser renders, in a task of its own once the parser is done (so that the
 * parsing task, in which the browser asks for the page's files, stays as short as it was), while the
 * page's code is still on its way and the main thread has nothing else to do: the colour scheme, as
 * above, and the first use of what that code's start and first renders use anyway, each of which costs
 * far more the first time in a page than after. The first Intl formatter of a page loads the locale's
 * data (about 20 ms on this machine, 90 ms of a mid-range phone's main thread; src/lib/format.ts makes
 * its date, number and relative-time formatters from the same data), a first number formatter its own,
 * and the first reads of localStorage and sessionStorage open them (Mantine reads the one, React Router
 * the other, as they start). Nothing made here is kept or shown: a page without this script works the
 * same, only later.
 */
export const WARM_UP_SCRIPT =
  `setTimeout(function(){${COLOR_SCHEME_SCRIPT}` +
  'try{new Intl.DateTimeFormat("en-US").format(0);new Intl.NumberFormat("en-US").format(0);' +
  'sessionStorage.getItem("")}catch(e){}})';

/** The id of the list of files the next page will need, on a page that runs no code of its own. */
export const NEXT_PAGE_FILES_ID = 'next-page-files';

/**
 * On a page that works without its code (console mode's sign-in page, which the browser sends to the
 * console server itself), a second after the page has loaded: a prefetch of each file of the list
 * `NEXT_PAGE_FILES_ID` names (the code and stylesheets of the page the person goes on to), so that the
 * next page finds them in the cache instead of fetching them on a phone's network after signing in.
 * The browser fetches prefetches at its lowest priority; the second keeps them clear of the page's own
 * paints (a long page may paint in more than one go) while the person is still typing. One link per
 * task: each starts a request, and the ten of the Overview's files in one task held the main thread
 * 5–13 ms on this machine (four times that on a phone), just when a key may be pressed.
 */
export const PREFETCH_SCRIPT =
  'addEventListener("load",function(){setTimeout(function(){' +
  `try{var f=JSON.parse(document.getElementById("${NEXT_PAGE_FILES_ID}").textContent),i=0;` +
  '(function next(){if(i>=f.length)return;var l=document.createElement("link");' +
  'l.rel="prefetch";l.href=f[i++];l.crossOrigin="anonymous";document.head.appendChild(l);' +
  'setTimeout(next,0)})()}catch(x){}},1000)})';

const hashOf = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

/** Their CSP sources. */
export const PAGE_SCRIPT_HASHES: readonly string[] = [
  COLOR_SCHEME_SCRIPT,
  WARM_UP_SCRIPT,
  PREFETCH_SCRIPT,
].map(hashOf);
