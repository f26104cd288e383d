import type { IncomingMessage } from 'node:http';

/** One event of the console's stream (`GET /console/api/stream`, docs/live-push.md). */
export interface StreamEvent {
  event: string;
  data: Record<string, unknown>;
}

/**
 * Tests and benchmarks: reads the console's stream from its answer over node:http, and calls
 * `onEvent` with each event that has a name and JSON data as it comes (`retry:` and the like are
 * passed over).
 */
export function readEvents(res: IncomingMessage, onEvent: (e: StreamEvent) => void): void {
  let buffer = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) onEvent({ event, data: JSON.parse(data) as Record<string, unknown> });
    }
  });
}
