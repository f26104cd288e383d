import type { Agent, IncomingMessage } from 'node:http';
import { request } from 'node:http';

export type Headers = Record<string, string>;

/** One request over node:http (through `agent` when given); the answer's status, text and headers. */
export function send(
  url: string,
  method = 'GET',
  headers: Headers = {},
  body?: string,
  agent?: Agent,
): Promise<{ status: number; body: string; headers: IncomingMessage['headers'] }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, ...(agent ? { agent } : {}) }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Signs in to the console server as `username` (password `demo`); the session cookie to send. */
export async function consoleCookie(url: string, username = 'admin', agent?: Agent): Promise<string> {
  const signedIn = await send(
    `${url}/console/api/session`,
    'POST',
    { 'content-type': 'application/json' },
    JSON.stringify({ username, password: 'demo' }),
    agent,
  );
  if (signedIn.status !== 200) throw new Error(`console sign-in: ${signedIn.status} ${signedIn.body}`);
  return ([] as string[])
    .concat(signedIn.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('console_session='))!
    .split(';')[0]!;
}
