/**
 * The console server carries the runtime config in the page it serves, as the text of
 * `<script type="application/json" id="console-config">` (server/console-pages.ts): never executed, so
 * the CSP's `script-src 'self'` holds, and no config.json request waits before the code can start.
 */
export const CONFIG_ELEMENT_ID = 'console-config';

/**
 * The config the page carries, parsed but not checked; undefined when the page carries none (Vite's
 * dev server, a page served by another server) or text that is not JSON, so that the caller fetches
 * config.json and says what is wrong with it.
 */
export function configInPage(doc: Pick<Document, 'getElementById'>): unknown {
  const text = doc.getElementById(CONFIG_ELEMENT_ID)?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
