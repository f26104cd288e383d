/**
 * Backed-up content of a restore session, made on demand: every mailbox item, document, post and file
 * is a pure function of (organization, owner, container, index), so nothing is stored and a folder of
 * 100,000 items costs nothing until it is listed. Its times, deletion and versions are derived too,
 * which is what makes a session's point in time, showDeleted and showAllVersions exact.
 */

const DAY = 86_400_000;
/** How far back the content of a container reaches before the organization's first backup. */
export const HISTORY_MS = 730 * DAY;

/** A fast 32-bit hash of whole numbers (murmur3's finalizer over an FNV-style fold). */
export function hash32(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A number in [0, 1) from the parts. */
export const unit = (...parts: number[]): number => hash32(...parts) / 4294967296;

export function pick<T>(list: readonly T[], ...parts: number[]): T {
  return list[hash32(...parts) % list.length]!;
}

export function stringHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** What kind of thing an id names; part of the id, so an id of one kind is never taken for another. */
export const KIND = {
  mailbox: 1,
  mailFolder: 2,
  mailItem: 3,
  oneDrive: 4,
  driveFolder: 5,
  driveDocument: 6,
  site: 7,
  list: 8,
  siteFolder: 9,
  siteDocument: 10,
  siteItem: 11,
  team: 12,
  channel: 13,
  post: 14,
  teamFile: 15,
} as const;
export type Kind = (typeof KIND)[keyof typeof KIND];

/** Where a thing sits: owner `a` (mailbox, OneDrive, site, team), container `b`, sub-container `c`, index `i`, version `v`. */
export interface Coord {
  kind: Kind;
  a: number;
  b: number;
  c: number;
  i: number;
  v: number;
}

/** "No sub-container": the root of a OneDrive or a library, a top-level post. */
export const ROOT = 0xffff;

/**
 * GUID-shaped ids that carry their coordinates and a check made from the organization: 16 bytes =
 * kind, a, b, c (2 bytes each), i (4), v (1), check (4). Hex, so the lower-cased /v5 paths keep them.
 */
export function encodeId(orgSeed: number, x: Coord): string {
  const check = hash32(orgSeed, x.kind, x.a, x.b, x.c, x.i, x.v);
  const hex = (n: number, digits: number) => (n >>> 0).toString(16).padStart(digits, '0');
  const s =
    hex(x.kind, 2) + hex(x.a, 4) + hex(x.b, 4) + hex(x.c, 4) + hex(x.i, 8) + hex(x.v, 2) + hex(check, 8);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** The coordinates of an id of this organization and kind, or null (not ours, mistyped, other kind). */
export function decodeId(orgSeed: number, id: string, kind: Kind): Coord | null {
  const s = id.trim().replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(s)) return null;
  const num = (from: number, digits: number) => parseInt(s.slice(from, from + digits), 16);
  const x: Coord = {
    kind: num(0, 2) as Kind,
    a: num(2, 4),
    b: num(6, 4),
    c: num(10, 4),
    i: num(14, 8),
    v: num(22, 2),
  };
  if (x.kind !== kind || num(24, 8) !== hash32(orgSeed, x.kind, x.a, x.b, x.c, x.i, x.v)) return null;
  return x;
}

/** How a session sees content: its point in time and the explore flags. */
export interface View {
  pit: number;
  showDeleted: boolean;
  showAllVersions: boolean;
}

/**
 * A container of items that grow over time at a steady pace: `size` items in the two years before
 * the anchor (the organization's first backup), and more after it at the same pace. Item i is created
 * within its own slot, so creation times rise with i and the items at a point in time are a prefix.
 */
export class Timeline {
  readonly interval: number;
  readonly start: number;

  constructor(
    readonly key: number,
    anchor: number,
    size: number,
    /** Documents and files have versions; mail does not. */
    readonly versioned: boolean,
    /** Share of the items deleted at some time after their last change. */
    readonly deletedShare = 0.04,
  ) {
    this.interval = HISTORY_MS / Math.max(1, size);
    this.start = anchor - HISTORY_MS;
  }

  created(i: number): number {
    return Math.round(this.start + (i + 0.9 * unit(this.key, i, 1)) * this.interval);
  }

  /** How many items exist (deleted or not) at `pit`. */
  count(pit: number): number {
    if (pit < this.start) return 0;
    const k = Math.floor((pit - this.start) / this.interval);
    return this.created(k) <= pit ? k + 1 : k;
  }

  versionCount(i: number): number {
    return this.versioned ? 1 + Math.floor(unit(this.key, i, 3) ** 2 * 6) : 1;
  }

  /** When version v (1-based) was written. */
  versionTime(i: number, v: number): number {
    let t = this.created(i);
    for (let j = 2; j <= v; j++) t += Math.round((0.2 + unit(this.key, i, 4, j) * 12) * DAY);
    return t;
  }

  /** The deletion time, or null for an item never deleted. */
  deletedAt(i: number): number | null {
    if (unit(this.key, i, 2) >= this.deletedShare) return null;
    return this.versionTime(i, this.versionCount(i)) + Math.round((0.5 + unit(this.key, i, 5) * 40) * DAY);
  }

  /** The latest version at `pit` (0: not created yet). */
  versionAt(i: number, pit: number): number {
    let v = 0;
    const n = this.versionCount(i);
    while (v < n && this.versionTime(i, v + 1) <= pit) v++;
    return v;
  }

  /** Is version v of item i listed in this view? */
  shows(i: number, v: number, view: View): boolean {
    const latest = this.versionAt(i, view.pit);
    if (v < 1 || v > latest) return false;
    if (v < latest && !view.showAllVersions) return false;
    const deleted = this.deletedAt(i);
    return deleted === null || deleted > view.pit || view.showDeleted;
  }

  /** Is item i deleted as the view sees it? */
  isDeleted(i: number, pit: number): boolean {
    const deleted = this.deletedAt(i);
    return deleted !== null && deleted <= pit;
  }
}

/** A listed row: item i at version v. */
export interface Ref {
  i: number;
  v: number;
}

const cache = new Map<string, Int32Array>();
const CACHE_SIZE = 48;

/**
 * The rows of a timeline in a view, newest first, with each item's earlier versions after it
 * (showAllVersions). Kept for the last few views: paging through a big folder computes it once.
 */
export function rowsOf(t: Timeline, view: View): { length: number; at(n: number): Ref } {
  const cacheKey = `${t.key}|${t.interval}|${view.pit}|${view.showDeleted ? 1 : 0}${view.showAllVersions ? 1 : 0}`;
  let rows = cache.get(cacheKey);
  if (rows) {
    cache.delete(cacheKey);
  } else {
    const list: number[] = [];
    for (let i = t.count(view.pit) - 1; i >= 0; i--) {
      if (t.isDeleted(i, view.pit) && !view.showDeleted) continue;
      const latest = t.versionAt(i, view.pit);
      list.push(i * 16 + latest);
      if (view.showAllVersions) for (let v = latest - 1; v >= 1; v--) list.push(i * 16 + v);
    }
    rows = Int32Array.from(list);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(cacheKey, rows);
  const found = rows;
  return { length: found.length, at: (n) => ({ i: Math.floor(found[n]! / 16), v: found[n]! % 16 }) };
}

/** A list of things to page through: a length and the n-th one. */
export interface Sequence<T> {
  length: number;
  at(n: number): T;
}

export function arraySequence<T>(items: readonly T[]): Sequence<T> {
  return { length: items.length, at: (n) => items[n]! };
}

export function mapSequence<A, B>(s: Sequence<A>, f: (a: A) => B): Sequence<B> {
  return { length: s.length, at: (n) => f(s.at(n)) };
}

/** Several sequences one after the other. */
export function concatSequences<T>(parts: Sequence<T>[]): Sequence<T> {
  const length = parts.reduce((sum, p) => sum + p.length, 0);
  return {
    length,
    at(n) {
      let rest = n;
      for (const p of parts) {
        if (rest < p.length) return p.at(rest);
        rest -= p.length;
      }
      throw new RangeError(`row ${n} of ${length}`);
    },
  };
}

export const iso = (ms: number): string => new Date(ms).toISOString();
export { DAY };
