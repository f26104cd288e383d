import type { FetchLike } from './http';

/**
 * The Overview's first reads, asked for by its page in one request (console mode): the page's HTML
 * preloads `GET /console/api/first-reads` (server/console/first-reads.ts) in a link with this id, and
 * the connections' first GETs of those paths are answered from it instead of one request each.
 */
export const FIRST_READS_LINK_ID = 'first-reads';

/** A read is taken from the batch only this soon after the page started: later it is asked for anew. */
export const FIRST_READS_FRESH_MS = 30_000;

/** One line of the batch after the first, as the console server writes it. */
interface Line {
  path: string;
  status: number;
  contentType: string | null;
  polledAt: string | null;
  body: string;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Statuses whose answers have no body (a Response refuses one). */
const NO_BODY = new Set([204, 205, 304]);

function responseOf(line: Line): Response | null {
  if (!Number.isInteger(line.status) || line.status < 200 || line.status > 599) return null;
  const headers = new Headers();
  if (line.contentType) headers.set('Content-Type', line.contentType);
  if (line.polledAt) headers.set('X-Console-Polled-At', line.polledAt);
  return new Response(NO_BODY.has(line.status) ? null : line.body, { status: line.status, headers });
}

function isLine(value: unknown): value is Line {
  const v = value as Partial<Line> | null;
  return (
    typeof v?.path === 'string' &&
    typeof v.status === 'number' &&
    typeof v.body === 'string' &&
    (v.contentType === null || typeof v.contentType === 'string') &&
    (v.polledAt === null || typeof v.polledAt === 'string')
  );
}

/**
 * `fetch`, with the page's first reads answered from its batch: each path the batch names is taken
 * from it once, by the first watched GET for it (`X-Console-Watch`) within FIRST_READS_FRESH_MS of
 * the page's start. Every other request, and every read the batch does not bring (it failed, the
 * session had ended, a line is missing), goes out as before. Without the page's link this is `fetch`.
 */
export function withFirstReads(
  fetch: FetchLike,
  page: { getElementById(id: string): Element | null } | null,
  origin: string,
  now: () => number = () => performance.now(),
): FetchLike {
  const href = page?.getElementById(FIRST_READS_LINK_ID)?.getAttribute('href');
  if (!href) return fetch;
  const startedAt = now();
  const fresh = () => now() - startedAt <= FIRST_READS_FRESH_MS;
  /** The paths the batch answers (null: none, it failed), once its first line is in. */
  const paths = deferred<ReadonlySet<string> | null>();
  /** The lines in or awaited, until taken: a line nobody took is let go once the window has passed. */
  const lines = new Map<string, Deferred<Line | null>>();
  const taken = new Set<string>();
  setTimeout(() => {
    for (const path of [...lines.keys()]) if (!taken.has(path)) lines.delete(path);
  }, FIRST_READS_FRESH_MS + 1000);
  /** The batch has ended: a line not in by now will not come. */
  let ended = false;
  const lineOf = (path: string) => {
    let line = lines.get(path);
    if (!line) {
      line = deferred();
      if (ended) line.resolve(null);
      else lines.set(path, line);
    }
    return line;
  };

  void (async () => {
    let named: ReadonlySet<string> | null = null;
    try {
      // The same request as the page's link (URL, mode, credentials): the browser hands over its answer.
      const answer = await fetch(new URL(href, origin).toString(), { method: 'GET' });
      if (!answer.ok || !answer.body) return;
      const reader = answer.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += value;
        for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
          const text = buffered.slice(0, end);
          buffered = buffered.slice(end + 1);
          const parsed: unknown = JSON.parse(text);
          if (named === null) {
            const list = (parsed as { paths?: unknown } | null)?.paths;
            if (!Array.isArray(list)) return;
            named = new Set(list.filter((p): p is string => typeof p === 'string'));
            paths.resolve(named);
          } else if (isLine(parsed) && named.has(parsed.path) && (fresh() || taken.has(parsed.path))) {
            lineOf(parsed.path).resolve(parsed);
          }
        }
      }
    } catch {
      // A dropped connection or a line that does not read: the reads not in yet are asked for anew.
    } finally {
      ended = true;
      paths.resolve(null);
      for (const line of lines.values()) line.resolve(null);
    }
  })();

  return async (url, init) => {
    // Only the reads a page keeps showing (they say at what pace): the batch holds no other.
    const watched = (init.method ?? 'GET') === 'GET' && new Headers(init.headers).has('X-Console-Watch');
    if (!watched || !fresh()) return fetch(url, init);
    const asked = new URL(url, origin);
    const path = asked.pathname + asked.search;
    if (asked.origin !== origin || !(await paths.promise)?.has(path) || taken.has(path))
      return fetch(url, init);
    taken.add(path);
    const line = await lineOf(path).promise;
    lines.delete(path);
    return (line && responseOf(line)) ?? fetch(url, init);
  };
}
