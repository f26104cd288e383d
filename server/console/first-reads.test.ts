import { expect, test } from 'vitest';
import { firstReadsAnswer, firstReadsOf } from './first-reads';

const READS = [
  { path: '/console/api/connections/veeam/jobs', pace: 'idle' as const },
  { path: '/console/api/connections/veeam/organizations', pace: 'keep' as const },
];

/** A read the test answers when it likes. */
function held() {
  const waiting = new Map<string, (answer: Response) => void>();
  const asked: string[] = [];
  const read = (path: string, pace: string) => {
    asked.push(`${path} ${pace}`);
    return new Promise<Response>((resolve) => waiting.set(path, resolve));
  };
  const answer = (path: string, body: unknown, status = 200) =>
    waiting.get(path)!(
      Response.json(body, { status, headers: { 'x-console-polled-at': '2026-12-06T10:00:00.000Z' } }),
    );
  return { read, answer, asked };
}

test('the lines go out in the order the reads are answered, each with its answer as it came', async () => {
  const vendor = held();
  const response = firstReadsAnswer(READS, vendor.read, undefined);
  expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
  expect(response.headers.get('content-encoding')).toBeNull();
  expect(vendor.asked).toEqual([
    '/console/api/connections/veeam/jobs idle',
    '/console/api/connections/veeam/organizations keep',
  ]);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  expect((await reader.read()).value).toBe(`{"paths":${JSON.stringify(READS.map((r) => r.path))}}\n`);
  vendor.answer(READS[1]!.path, { message: 'Too many requests' }, 429);
  expect(JSON.parse((await reader.read()).value!)).toEqual({
    path: READS[1]!.path,
    status: 429,
    contentType: 'application/json',
    polledAt: '2026-12-06T10:00:00.000Z',
    body: '{"message":"Too many requests"}',
  });
  vendor.answer(READS[0]!.path, [{ id: 'a' }]);
  expect(JSON.parse((await reader.read()).value!)).toMatchObject({ path: READS[0]!.path, status: 200 });
  expect((await reader.read()).done).toBe(true);
});

test('a browser that goes away while reads are on their way costs nothing but those reads', async () => {
  for (const encoding of ['br', 'gzip', undefined]) {
    const vendor = held();
    const response = firstReadsAnswer(READS, vendor.read, encoding);
    expect(response.headers.get('content-encoding')).toBe(encoding ?? null);
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    // The reads finish after the browser has gone: nothing is written, nothing throws.
    vendor.answer(READS[0]!.path, []);
    vendor.answer(READS[1]!.path, []);
    await new Promise((r) => setTimeout(r, 20));
  }
});

test('the reads are those of every connection the server signs in to itself', () => {
  const personal = {} as never;
  expect(
    firstReadsOf([
      { id: 'veeam', dialect: 'veeam-v5' },
      { id: 'own', dialect: 'veeam-v5', personal },
      { id: 'dfw', dialect: 'rackspace-v1' },
    ]).map((r) => `${r.path} ${r.pace}`),
  ).toEqual([
    '/console/api/connections/veeam/jobsessions?limit=200 feed',
    '/console/api/connections/veeam/restoresessions?limit=200 feed',
    '/console/api/connections/veeam/jobs idle',
    '/console/api/connections/veeam/organizations keep',
    '/console/api/connections/dfw/activity feed',
    '/console/api/connections/dfw/backup-configuration idle',
  ]);
});
