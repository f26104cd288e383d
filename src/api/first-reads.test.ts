import { expect, test } from 'vitest';
import { FIRST_READS_FRESH_MS, FIRST_READS_LINK_ID, withFirstReads } from './first-reads';
import type { FetchLike } from './http';

const ORIGIN = 'https://console.example';
const BATCH = '/console/api/first-reads';
const JOBS = '/console/api/connections/veeam/jobs';
const SESSIONS = '/console/api/connections/veeam/jobsessions?limit=200';

/** A page whose HTML preloads the batch (or not). */
const page = (withLink = true) => ({
  getElementById: (id: string) =>
    withLink && id === FIRST_READS_LINK_ID ? ({ getAttribute: () => BATCH } as unknown as Element) : null,
});

/**
 * The network as the wrapped fetch sees it: the batch's answer is a stream the test writes line by
 * line; every other request is answered "from the network" and counted.
 */
function network(batchStatus = 200) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const sent: string[] = [];
  const fetch: FetchLike = (url) => {
    const path = new URL(url).pathname + new URL(url).search;
    sent.push(path);
    if (path === BATCH)
      return Promise.resolve(
        batchStatus === 200
          ? new Response(body, { headers: { 'content-type': 'application/x-ndjson' } })
          : Response.json({ message: 'Not signed in' }, { status: batchStatus }),
      );
    return Promise.resolve(Response.json({ from: 'network', path }));
  };
  const encoder = new TextEncoder();
  return {
    fetch,
    sent,
    write: (line: unknown) => controller.enqueue(encoder.encode(JSON.stringify(line) + '\n')),
    writeRaw: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
    fail: () => controller.error(new Error('connection reset')),
  };
}

const watched = { method: 'GET', headers: { 'X-Console-Watch': 'feed' } } satisfies RequestInit;
const read = (path: string, status = 200, body: unknown = { from: 'batch', path }) => ({
  path,
  status,
  contentType: 'application/json',
  polledAt: '2026-12-06T10:00:00.000Z',
  body: JSON.stringify(body),
});

test('a read the batch names is answered from it once, with its status, type and poll time; the next goes out', async () => {
  const net = network();
  const fetch = withFirstReads(net.fetch, page(), ORIGIN);
  net.write({ paths: [JOBS, SESSIONS] });
  // A line split across two chunks of the stream reads all the same.
  const line = JSON.stringify(read(JOBS)) + '\n';
  net.writeRaw(line.slice(0, 20));
  net.writeRaw(line.slice(20));
  const answer = await fetch(`${ORIGIN}${JOBS}`, watched);
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toBe('application/json');
  expect(answer.headers.get('x-console-polled-at')).toBe('2026-12-06T10:00:00.000Z');
  expect(await answer.json()).toEqual({ from: 'batch', path: JOBS });
  expect(await (await fetch(`${ORIGIN}${JOBS}`, watched)).json()).toEqual({ from: 'network', path: JOBS });
  expect(net.sent).toEqual([BATCH, JOBS]);
});

test('a read waits for its own line, not for the others: lines come in the order they are answered', async () => {
  const net = network();
  const fetch = withFirstReads(net.fetch, page(), ORIGIN);
  net.write({ paths: [JOBS, SESSIONS] });
  const sessions = fetch(`${ORIGIN}${SESSIONS}`, watched);
  net.write(read(SESSIONS));
  expect(await (await sessions).json()).toEqual({ from: 'batch', path: SESSIONS });
  const jobs = fetch(`${ORIGIN}${JOBS}`, watched);
  net.write(read(JOBS, 503, { message: 'The vendor is down' }));
  net.end();
  // An error answer is handed over as it came: the connection's own code reads it as before.
  const answer = await jobs;
  expect(answer.status).toBe(503);
  expect(await answer.json()).toEqual({ message: 'The vendor is down' });
  expect(net.sent).toEqual([BATCH]);
});

test('a read the batch does not bring goes out: a line missing at its end, a dropped batch, a refused one', async () => {
  const missing = network();
  let fetch = withFirstReads(missing.fetch, page(), ORIGIN);
  missing.write({ paths: [JOBS, SESSIONS] });
  missing.write(read(SESSIONS));
  missing.end();
  expect(await (await fetch(`${ORIGIN}${JOBS}`, watched)).json()).toEqual({ from: 'network', path: JOBS });

  const dropped = network();
  fetch = withFirstReads(dropped.fetch, page(), ORIGIN);
  dropped.write({ paths: [JOBS] });
  const waiting = fetch(`${ORIGIN}${JOBS}`, watched);
  dropped.writeRaw('{"path":"/console/api/conn');
  dropped.fail();
  expect(await (await waiting).json()).toEqual({ from: 'network', path: JOBS });

  const refused = network(401);
  fetch = withFirstReads(refused.fetch, page(), ORIGIN);
  expect(await (await fetch(`${ORIGIN}${JOBS}`, watched)).json()).toEqual({ from: 'network', path: JOBS });
  expect(refused.sent).toEqual([BATCH, JOBS]);
});

test('only watched GETs of the batch, soon after the start, are taken from it; without the link nothing is', async () => {
  const net = network();
  let clock = 0;
  const fetch = withFirstReads(net.fetch, page(), ORIGIN, () => clock);
  net.write({ paths: [JOBS, SESSIONS] });
  net.write(read(JOBS));
  net.write(read(SESSIONS));
  net.end();
  // A read the page does not keep showing (no watch header), another path, a POST: the network.
  await fetch(`${ORIGIN}${JOBS}`, { method: 'GET' });
  await fetch(`${ORIGIN}/console/api/connections/veeam/jobs?limit=7`, watched);
  await fetch(`${ORIGIN}${JOBS}`, { ...watched, method: 'POST' });
  expect(net.sent).toEqual([BATCH, JOBS, '/console/api/connections/veeam/jobs?limit=7', JOBS]);
  expect(await (await fetch(`${ORIGIN}${JOBS}`, watched)).json()).toEqual({ from: 'batch', path: JOBS });
  // Long after the page started, its first reads are old: asked for anew.
  clock = FIRST_READS_FRESH_MS + 1;
  expect(await (await fetch(`${ORIGIN}${SESSIONS}`, watched)).json()).toEqual({
    from: 'network',
    path: SESSIONS,
  });

  const plain = network();
  const without = withFirstReads(plain.fetch, page(false), ORIGIN);
  expect(without).toBe(plain.fetch);
  expect(plain.sent).toEqual([]);
});
