import { expect, test } from 'vitest';
import type { HeldConnection } from './forward';
import { SharedPolls } from './poller';

/** A held connection whose sign-in (or last forwarded read) failed or went well at `at`. */
function held(id: string, health: ReturnType<NonNullable<HeldConnection['health']>>): HeldConnection {
  return {
    id,
    dialect: 'veeam-v5',
    label: id,
    open: () => Promise.reject(new Error('not in this test')),
    health: () => health,
  };
}

test("a connection nothing polls (its reads all failed, none kept) is told as failing, with its sign-in's or last read's words", () => {
  const polls = new SharedPolls(
    () => [
      held('bad', {
        state: 'failing',
        message: 'Identity refused the credentials.',
        at: '2026-12-08T01:00:00Z',
      }),
      held('fine', { state: 'ok', message: null, at: '2026-12-08T01:00:00Z' }),
      held('new', { state: 'unknown', message: null, at: null }),
    ],
    () => ({ role: 'viewer' }),
  );
  expect(polls.statuses()).toEqual([
    { id: 'bad', state: 'failing', polledAt: null, message: 'Identity refused the credentials.' },
    { id: 'fine', state: 'idle', polledAt: null, message: null },
    { id: 'new', state: 'idle', polledAt: null, message: null },
  ]);
});
