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
