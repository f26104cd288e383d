/**
 * A Compound File Binary writer (MS-CFB, version 3: 512-byte sectors), the container an Outlook .msg
 * file is. It writes a whole tree of storages and streams in one go; nothing is ever rewritten, so the
 * layout is the simplest the format allows (docs/msg-format.md):
 *
 *   header · FAT sectors · DIFAT sectors · directory · mini FAT · mini stream · large streams
 *
 * Streams under 4,096 bytes live in the mini stream (64-byte mini sectors, chained by the mini FAT);
 * larger ones get their own sectors chained by the FAT. Every chain is contiguous.
 */

export interface CfbStream {
  name: string;
  data: Uint8Array;
}

export interface CfbStorage {
  name: string;
  children: CfbEntry[];
  /** The storage's class id as its 16 bytes on disk; zeros when absent. */
  clsid?: Uint8Array;
}

export type CfbEntry = CfbStream | CfbStorage;

const SECTOR = 512;
const MINI_SECTOR = 64;
const MINI_CUTOFF = 4096;
const ENTRY = 128;
const IDS_PER_SECTOR = SECTOR / 4;
const HEADER_DIFAT = 109;
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const DIFSECT = 0xfffffffc;
const NOSTREAM = 0xffffffff;
const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const isStorage = (e: CfbEntry): e is CfbStorage => 'children' in e;
const sectorsFor = (bytes: number, size = SECTOR) => Math.ceil(bytes / size);

/** The order siblings are kept in: shorter names first, then by upper-cased UTF-16 code units. */
export function compareNames(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

interface DirEntry {
  name: string;
  type: 1 | 2 | 5;
  clsid?: Uint8Array;
  data?: Uint8Array;
  left: number;
  right: number;
  child: number;
  red: boolean;
  start: number;
  size: number;
}

function checkName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[/\\:!]/.test(name)) {
    throw new Error(`CFB: "${name}" is not a valid entry name (1–31 characters, none of / \\ : !).`);
  }
}

/**
 * Siblings are a red-black tree. A tree built by always splitting at the middle has every level full
 * but the last, so colouring the last level red (when it is not full) and everything else black keeps
 * the same number of black nodes on every path and no red node under a red one.
 */
function linkSiblings(dir: DirEntry[], ids: number[]): number {
  const height = Math.floor(Math.log2(ids.length));
  const perfect = ids.length === 2 ** (height + 1) - 1;
  const build = (lo: number, hi: number, depth: number): number => {
    if (lo > hi) return NOSTREAM;
    const mid = (lo + hi) >> 1;
    const node = dir[ids[mid]!]!;
    node.left = build(lo, mid - 1, depth + 1);
    node.right = build(mid + 1, hi, depth + 1);
    node.red = !perfect && depth === height && height > 0;
    return ids[mid]!;
  };
  return build(0, ids.length - 1, 0);
}

/** The directory in order: the root entry first, each storage's children after it. */
function flatten(root: CfbStorage): DirEntry[] {
  const dir: DirEntry[] = [];
  const blank = { left: NOSTREAM, right: NOSTREAM, child: NOSTREAM, red: false, start: 0, size: 0 };
  const add = (e: CfbEntry, type: 1 | 2 | 5): number => {
    dir.push({ ...blank, name: e.name, type, ...(isStorage(e) ? { clsid: e.clsid } : { data: e.data }) });
    return dir.length - 1;
  };
  const visit = (storage: CfbStorage, id: number) => {
    const kids = [...storage.children].sort((a, b) => compareNames(a.name, b.name));
    kids.forEach((k, n) => {
      checkName(k.name);
      if (n > 0 && compareNames(kids[n - 1]!.name, k.name) === 0) {
        throw new Error(`CFB: two entries named "${k.name}" in "${storage.name}".`);
      }
    });
    const ids = kids.map((k) => add(k, isStorage(k) ? 1 : 2));
    if (ids.length > 0) dir[id]!.child = linkSiblings(dir, ids);
    kids.forEach((k, n) => {
      if (isStorage(k)) visit(k, ids[n]!);
    });
  };
  visit(root, add(root, 5));
  return dir;
}

/** Writes the tree under a root storage (named "Root Entry" on disk) as one compound file. */
export function compoundFile(root: Omit<CfbStorage, 'name'>): Buffer {
  const dir = flatten({ ...root, name: 'Root Entry' });
  const streams = dir.filter((d) => d.type === 2);
  const small = streams.filter((d) => d.data!.length < MINI_CUTOFF);
  const large = streams.filter((d) => d.data!.length >= MINI_CUTOFF);

  // The mini stream: each small stream in whole mini sectors.
  let miniSectors = 0;
  for (const d of small) {
    d.size = d.data!.length;
    d.start = d.size === 0 ? ENDOFCHAIN : miniSectors;
    miniSectors += sectorsFor(d.size, MINI_SECTOR);
  }
  const dirSectors = sectorsFor(dir.length * ENTRY);
  const miniFatSectors = sectorsFor(miniSectors * 4);
  const miniStreamSectors = sectorsFor(miniSectors * MINI_SECTOR);
  const largeSectors = large.reduce((n, d) => n + sectorsFor(d.data!.length), 0);
  const data = dirSectors + miniFatSectors + miniStreamSectors + largeSectors;

  // The FAT covers itself and the DIFAT sectors too: grow both until they cover everything.
  let fat = 0;
  let difat = 0;
  for (;;) {
    const needFat = sectorsFor(fat + difat + data, IDS_PER_SECTOR);
    const needDifat = Math.max(0, Math.ceil((needFat - HEADER_DIFAT) / (IDS_PER_SECTOR - 1)));
    if (needFat === fat && needDifat === difat) break;
    fat = needFat;
    difat = needDifat;
  }

  const table = new Uint32Array(fat * IDS_PER_SECTOR).fill(FREESECT);
  let next = 0;
  /** Allocates `count` contiguous sectors as one chain; its first sector, or ENDOFCHAIN if empty. */
  const chain = (count: number, mark?: number): number => {
    if (count === 0) return ENDOFCHAIN;
    const first = next;
    for (let n = 0; n < count; n++, next++) table[next] = mark ?? (n === count - 1 ? ENDOFCHAIN : next + 1);
    return first;
  };
  const fatStart = chain(fat, FATSECT);
  const difatStart = chain(difat, DIFSECT);
  const dirStart = chain(dirSectors);
  const miniFatStart = chain(miniFatSectors);
  const miniStreamStart = chain(miniStreamSectors);
  for (const d of large) {
    d.size = d.data!.length;
    d.start = chain(sectorsFor(d.size));
  }
  const rootEntry = dir[0]!;
  rootEntry.start = miniStreamStart;
  rootEntry.size = miniSectors * MINI_SECTOR;

  const out = Buffer.alloc(SECTOR * (1 + next));
  const at = (sector: number) => SECTOR * (1 + sector);

  // Header.
  SIGNATURE.forEach((b, n) => out.writeUInt8(b, n));
  out.writeUInt16LE(0x003e, 24); // minor version
  out.writeUInt16LE(0x0003, 26); // major version 3
  out.writeUInt16LE(0xfffe, 28); // little-endian
  out.writeUInt16LE(9, 30); // 2^9 = 512-byte sectors
  out.writeUInt16LE(6, 32); // 2^6 = 64-byte mini sectors
  out.writeUInt32LE(fat, 44);
  out.writeUInt32LE(dirStart, 48);
  out.writeUInt32LE(MINI_CUTOFF, 56);
  out.writeUInt32LE(miniFatStart, 60);
  out.writeUInt32LE(miniFatSectors, 64);
  out.writeUInt32LE(difat === 0 ? ENDOFCHAIN : difatStart, 68);
  out.writeUInt32LE(difat, 72);
  for (let n = 0; n < HEADER_DIFAT; n++) out.writeUInt32LE(n < fat ? fatStart + n : FREESECT, 76 + 4 * n);

  // DIFAT sectors: the FAT sectors past the header's 109, 127 a sector, the last id links on.
  for (let s = 0; s < difat; s++) {
    const base = at(difatStart + s);
    for (let n = 0; n < IDS_PER_SECTOR - 1; n++) {
      const f = HEADER_DIFAT + s * (IDS_PER_SECTOR - 1) + n;
      out.writeUInt32LE(f < fat ? fatStart + f : FREESECT, base + 4 * n);
    }
    out.writeUInt32LE(s === difat - 1 ? ENDOFCHAIN : difatStart + s + 1, base + SECTOR - 4);
  }

  table.forEach((v, n) => out.writeUInt32LE(v, at(fatStart) + 4 * n));

  // Directory; the unused entries that fill its last sector have no siblings and no child.
  const dirBase = at(dirStart);
  for (let n = 0; n < dirSectors * (SECTOR / ENTRY); n++) {
    const o = dirBase + n * ENTRY;
    const d = dir[n];
    if (!d) {
      out.fill(0xff, o + 68, o + 80);
      continue;
    }
    out.write(d.name, o, 'utf16le');
    out.writeUInt16LE((d.name.length + 1) * 2, o + 64);
    out.writeUInt8(d.type, o + 66);
    out.writeUInt8(d.red ? 0 : 1, o + 67);
    out.writeUInt32LE(d.left, o + 68);
    out.writeUInt32LE(d.right, o + 72);
    out.writeUInt32LE(d.child, o + 76);
    if (d.clsid) out.set(d.clsid.subarray(0, 16), o + 80);
    out.writeUInt32LE(d.type === 1 ? 0 : d.start, o + 116);
    out.writeUInt32LE(d.type === 1 ? 0 : d.size, o + 120);
  }

  // Mini FAT and mini stream.
  const miniTable = new Uint32Array(miniFatSectors * IDS_PER_SECTOR).fill(FREESECT);
  for (const d of small) {
    if (d.size === 0) continue;
    const count = sectorsFor(d.size, MINI_SECTOR);
    for (let n = 0; n < count; n++) {
      miniTable[d.start + n] = n === count - 1 ? ENDOFCHAIN : d.start + n + 1;
    }
    out.set(d.data!, at(miniStreamStart) + d.start * MINI_SECTOR);
  }
  if (miniFatSectors > 0) miniTable.forEach((v, n) => out.writeUInt32LE(v, at(miniFatStart) + 4 * n));

  for (const d of large) out.set(d.data!, at(d.start));
  return out;
}
