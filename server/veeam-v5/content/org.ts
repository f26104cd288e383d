import type { LicensedUserRow, OrgRow } from '../../store/veeam-types';
import type { Coord, Kind } from './core';
import { Timeline, decodeId, encodeId, hash32, pick, stringHash, unit } from './core';
import { COMPANIES, FIRST_NAMES, SURNAMES } from './words';

export interface Person {
  name: string;
  email: string;
}

/** "john" → "John", "li.wei" → "Li Wei": the display name of a licensed user's address. */
export function displayNameOf(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local.replace(/(^|[._])(\w)/g, (_, sep: string, ch: string) => (sep ? ' ' : '') + ch.toUpperCase());
}

/**
 * One organization's backed-up content, as a restore session sees it. `big` is the size of the
 * biggest folder (the first user's Inbox) at the first backup: 1,000 × √SCALE, so thousands at the
 * default scale and 100,000 at SCALE=10000; the rest is a share of it.
 */
export class OrgContent {
  readonly seed: number;
  /** The organization's first backup: content before it is two years of history. */
  readonly anchor: number;
  readonly big: number;
  readonly people: Person[];
  readonly domain: string;
  readonly tenant: string;

  constructor(
    readonly org: OrgRow,
    users: LicensedUserRow[],
    serviceSeed: number,
    scale: number,
  ) {
    this.seed = hash32(serviceSeed, stringHash(org.id));
    this.anchor = org.first_backup_at ?? 0;
    this.big = Math.max(200, Math.round(1000 * Math.sqrt(scale)));
    this.people = users.map((u) => ({ email: u.name, name: displayNameOf(u.name) }));
    this.domain = org.name.replace(/\.onmicrosoft\.com$/, '.com');
    this.tenant = org.name.replace(/\.onmicrosoft\.com$/, '');
  }

  id(kind: Kind, a: number, b = 0, c = 0, i = 0, v = 0): string {
    return encodeId(this.seed, { kind, a, b, c, i, v });
  }

  decode(id: string, kind: Kind): Coord | null {
    return decodeId(this.seed, id, kind);
  }

  timeline(kind: Kind, a: number, b: number, c: number, size: number, versioned: boolean): Timeline {
    return new Timeline(
      hash32(this.seed, kind, a, b, c),
      this.anchor,
      Math.max(1, Math.round(size)),
      versioned,
    );
  }

  /** A share in [low, high) of something of this owner, the same every time. */
  share(low: number, high: number, ...parts: number[]): number {
    return low + (high - low) * unit(this.seed, ...parts);
  }

  /** A colleague (a licensed user) or, one time in three, someone from a partner company. */
  person(...parts: number[]): Person {
    const h = hash32(this.seed, ...parts, 11);
    if (this.people.length > 0 && h % 3 !== 0) return this.people[h % this.people.length]!;
    return this.outsider(...parts);
  }

  outsider(...parts: number[]): Person & { company: string } {
    const first = pick(FIRST_NAMES, this.seed, ...parts, 12);
    const last = pick(SURNAMES, this.seed, ...parts, 13);
    const company = pick(COMPANIES, this.seed, ...parts, 14);
    const host = company.toLowerCase().replace(/[^a-z]+/g, '');
    return {
      name: `${first} ${last}`,
      email:
        `${first}.${last}`
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z.]/g, '') + `@${host}.com`,
      company,
    };
  }

  /** The owner of a numbered thing (a licensed user), for createdBy/modifiedBy. */
  owner(n: number): Person {
    return (
      this.people[n % Math.max(1, this.people.length)] ?? {
        name: 'Administrator',
        email: `admin@${this.domain}`,
      }
    );
  }
}
