import { describe, expect, it } from 'vitest';
import { mailboxItemSchema, mailboxItemUnion } from './restore-wire';
import {
  formatVeeamDateTime,
  jobActionSchema,
  jobSessionPageSchema,
  linkId,
  parseVeeamDateTime,
  restoreSessionActionSchema,
  tokenRequestSchema,
} from './wire';

describe('explore datetime', () => {
  it.each([
    ['2020-04-12T10:54:40.2794046Z', '2020-04-12T10:54:40.279Z'],
    ['2020-04-12 10:54:40.279', '2020-04-12T10:54:40.279Z'],
    ['2020-04-12 10:54:40', '2020-04-12T10:54:40.000Z'],
    ['2020.04.12 10:54:40', '2020-04-12T10:54:40.000Z'],
    ['2020.04.12 10:54:40 PM', '2020-04-12T22:54:40.000Z'],
    ['2020.04.12 12:00:00 AM', '2020-04-12T00:00:00.000Z'],
    ['2020-04-12T10:54:40+02:00', '2020-04-12T08:54:40.000Z'],
    ['2020-04-12T10:54:40.5-0130', '2020-04-12T12:24:40.500Z'],
    ['0001-01-01 00:00:00', '0001-01-01T00:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(new Date(parseVeeamDateTime(text)!).toISOString()).toBe(iso);
  });

  it.each([
    'garbage',
    '',
    '2020-02-30 10:00:00',
    '2020-04-12T24:00:00Z',
    '2020-04-12T10:60:00Z',
    '2020-04-12T10:54:40.27940461Z',
    '2020.04.12 13:00:00 PM',
    '12/04/2020 10:54:40',
  ])('refuses %j', (text) => {
    expect(parseVeeamDateTime(text)).toBeNull();
  });

  it('formats in the first documented form, which it reads back', () => {
    const ms = Date.UTC(2020, 3, 12, 10, 54, 40, 279);
    expect(formatVeeamDateTime(ms)).toBe('2020-04-12 10:54:40.279');
    expect(parseVeeamDateTime(formatVeeamDateTime(ms))).toBe(ms);
  });
});

describe('action bodies', () => {
  it('takes exactly one action, names in any case, booleans as strings', () => {
    expect(jobActionSchema.parse({ start: null })).toEqual({ start: null });
    expect(
      jobActionSchema.parse({
        Explore: { DateTime: '2020.04.12 10:54:40', Type: 'VESP', ShowDeleted: 'true' },
      }),
    ).toEqual({ explore: { datetime: '2020.04.12 10:54:40', type: 'vesp', showDeleted: true } });
    for (const bad of [{}, { start: null, stop: null }, { start: 1 }, { go: null }, []]) {
      expect(jobActionSchema.safeParse(bad).success).toBe(false);
    }
    expect(restoreSessionActionSchema.safeParse({ STOP: null }).success).toBe(true);
  });
});

describe('token request, links, pages', () => {
  it('reads the two grants and ignores extra form fields', () => {
    expect(tokenRequestSchema.parse({ grant_type: 'refresh_token', refresh_token: 'r', x: '1' })).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'r',
    });
    expect(tokenRequestSchema.safeParse({ grant_type: 'password', username: 'a' }).success).toBe(false);
  });

  it('takes the id from a link, absolute or not', () => {
    expect(linkId({ organization: { href: 'https://h:4443/v5/Organizations/abc-1' } }, 'organization')).toBe(
      'abc-1',
    );
    expect(linkId({ job: { href: '/v5/Jobs/j1/' } }, 'job')).toBe('j1');
    expect(linkId(undefined, 'job')).toBeNull();
  });

  it('parses a page and keeps fields it does not know', () => {
    const page = jobSessionPageSchema.parse({
      offset: 0,
      limit: 30,
      results: [{ id: 's', creationTime: 't', progress: 5, status: 'Running', vendorExtra: 1 }],
      _links: { self: { href: '/v5/JobSessions' } },
    });
    expect(page.results[0]).toMatchObject({ vendorExtra: 1 });
  });
});

describe('Exchange items', () => {
  const time = '2026-01-01T00:00:00Z';
  it('parse as the union of their kinds does, without trying a kind their class cannot have', () => {
    const items: unknown[] = [
      { id: 'm', itemClass: 'IPM.Note', subject: 's', from: 'a', to: 'b', sent: time, extra: 1 },
      {
        id: 'a',
        itemClass: 'IPM.Appointment',
        subject: 's',
        organizer: 'o',
        attendees: '',
        location: 'l',
        startTime: time,
        endTime: time,
        recurring: false,
      },
      // An appointment's class with a mail's fields: the union takes it as a mail.
      { id: 'b', itemClass: 'ipm.appointment', subject: 's', from: 'a', to: 'b' },
      { id: 'c', itemClass: 'IPM.Contact', fullName: 'F', email: 'e' },
      { id: 't', itemClass: 'IPM.Task', subject: 's', status: 'Completed', percentComplete: 100, owner: 'o' },
      { id: 'n', itemClass: 'IPM.StickyNote' },
      { itemClass: 'IPM.Note' },
      { id: 'x', itemClass: 7 },
      null,
    ];
    for (const item of items) {
      const fast = mailboxItemSchema.safeParse(item);
      const union = mailboxItemUnion.safeParse(item);
      expect(fast.success, JSON.stringify(item)).toBe(union.success);
      if (fast.success && union.success) expect(fast.data).toEqual(union.data);
    }
  });
});
