import type { CFolder } from '@kenjiuno/msgreader/lib/Reader';
import { Reader } from '@kenjiuno/msgreader/lib/Reader';
import { describe, expect, it } from 'vitest';
import type { CfbEntry, CfbStorage, CfbStream } from './cfb';
import { compareNames, compoundFile } from './cfb';

/**
 * The container is read back by the compound-file reader of an outside .msg parser
 * (@kenjiuno/msgreader), not by code of ours: what it reads must be what was written.
 */

const bytes = (length: number, seed: number) =>
  Uint8Array.from({ length }, (_, n) => (n * 31 + seed * 7 + (n >> 8)) & 0xff);

function read(file: Buffer): CFolder {
  const reader = new Reader(new Uint8Array(file).buffer);
  expect(reader.isMSGFile()).toBe(true);
  reader.parse();
  return reader.rootFolder();
}

/** Every stream and storage of `folder` equals the tree it was written from. */
function expectSame(folder: CFolder, storage: Omit<CfbStorage, 'name'>) {
  const streams = storage.children.filter((c): c is CfbStream => !('children' in c));
  const storages = storage.children.filter((c): c is CfbStorage => 'children' in c);
  expect([...folder.fileNames()].sort()).toEqual(streams.map((s) => s.name).sort());
  for (const s of streams) {
    expect(Buffer.from(folder.readFile(s.name)!).equals(Buffer.from(s.data)), s.name).toBe(true);
  }
  const subs = folder.subFolders();
  expect(subs.map((f) => f.name).sort()).toEqual(storages.map((s) => s.name).sort());
  for (const s of storages)
    expectSame(
      subs.find((f) => f.name === s.name)!,
      s,
    );
}

/** The colours and links of one storage's children: a binary search tree with red-black colouring. */
function checkTree(file: Buffer) {
  const dirStart = file.readUInt32LE(48);
  const entries: { name: string; left: number; right: number; child: number; red: boolean }[] = [];
  const fatAt = (sector: number) => file.readUInt32LE(512 * (1 + file.readUInt32LE(76)) + 4 * sector);
  for (let s = dirStart; s !== 0xfffffffe; s = fatAt(s)) {
    for (let n = 0; n < 4; n++) {
      const o = 512 * (1 + s) + 128 * n;
      const len = file.readUInt16LE(o + 64);
      entries.push({
        name: file.toString('utf16le', o, o + Math.max(0, len - 2)),
        red: file.readUInt8(o + 67) === 0,
        left: file.readUInt32LE(o + 68),
        right: file.readUInt32LE(o + 72),
        child: file.readUInt32LE(o + 76),
      });
    }
  }
  const NONE = 0xffffffff;
  /** Black height of the subtree; checks order and colours on the way. */
  const walk = (id: number, lo: string | null, hi: string | null, parentRed: boolean): number => {
    if (id === NONE) return 1;
    const e = entries[id]!;
    if (lo !== null) expect(compareNames(lo, e.name)).toBeLessThan(0);
    if (hi !== null) expect(compareNames(e.name, hi)).toBeLessThan(0);
    expect(parentRed && e.red, `red ${e.name} under a red parent`).toBe(false);
    const left = walk(e.left, lo, e.name, e.red);
    expect(walk(e.right, e.name, hi, e.red), `black height under ${e.name}`).toBe(left);
    if (e.child !== NONE) expect(entries[e.child]!.red).toBe(false);
    walk(e.child, null, null, false);
    return left + (e.red ? 0 : 1);
  };
  expect(entries[0]!.name).toBe('Root Entry');
  walk(0, null, null, false);
}

describe('compound file writer', () => {
  it('writes streams of every size class and nested storages that an outside reader reads back', () => {
    const sizes = [0, 1, 63, 64, 65, 4095, 4096, 4097, 20_000];
    const tree: Omit<CfbStorage, 'name'> = {
      children: [
        ...sizes.map((size, n) => ({ name: `s${size}`, data: bytes(size, n) })),
        {
          name: 'inner',
          children: [
            { name: 'a', data: bytes(100, 1) },
            { name: 'deeper', children: [{ name: 'b', data: bytes(5000, 2) }] },
          ],
        },
        { name: 'empty storage', children: [] },
      ],
    };
    const file = compoundFile(tree);
    expect(file.length % 512).toBe(0);
    expectSame(read(file), tree);
    checkTree(file);
  });

  it('keeps many siblings as a balanced red-black tree', () => {
    for (const count of [1, 2, 3, 7, 8, 40]) {
      const children: CfbEntry[] = Array.from({ length: count }, (_, n) => ({
        name: `__substg1.0_${(0x1000 + n * 7).toString(16).toUpperCase()}001F`,
        data: bytes(10 + n, n),
      }));
      const file = compoundFile({ children });
      expectSame(read(file), { children });
      checkTree(file);
    }
  });

  it('chains FAT sectors through DIFAT sectors past the 109 the header holds', () => {
    const big = bytes(8 * 1024 * 1024, 3);
    const tree = {
      children: [
        { name: 'big', data: big },
        { name: 'small', data: bytes(10, 4) },
      ],
    };
    const file = compoundFile(tree);
    expect(file.readUInt32LE(44)).toBeGreaterThan(109);
    expect(file.readUInt32LE(72)).toBeGreaterThan(0);
    expectSame(read(file), tree);
  });

  it('is read wrong when its FAT is damaged (the reader really follows the chains)', () => {
    const tree = { children: [{ name: 'doc', data: bytes(9000, 5) }] };
    const file = compoundFile(tree);
    const damaged = Buffer.from(file);
    const fat = 512 * (1 + damaged.readUInt32LE(76));
    // The stream's chain starts after the FAT and directory sectors: cut it after its first sector.
    for (let n = 2; n < 128; n++) {
      if (damaged.readUInt32LE(fat + 4 * n) === n + 1) {
        damaged.writeUInt32LE(0xfffffffe, fat + 4 * n);
        break;
      }
    }
    expect(() => expectSame(read(damaged), tree)).toThrow();
  });

  it('refuses names the format cannot hold', () => {
    expect(() => compoundFile({ children: [{ name: 'x'.repeat(32), data: bytes(1, 1) }] })).toThrow(
      /not a valid entry name/,
    );
    expect(() => compoundFile({ children: [{ name: 'a/b', data: bytes(1, 1) }] })).toThrow();
    expect(() =>
      compoundFile({
        children: [
          { name: 'Same', data: bytes(1, 1) },
          { name: 'sAME', data: bytes(1, 1) },
        ],
      }),
    ).toThrow(/two entries/);
  });
});
