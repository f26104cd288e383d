import type { CfbEntry } from './cfb';
import { compoundFile } from './cfb';

/**
 * An Outlook item file (MS-OXMSG): MAPI properties of a message, its recipients and attachments laid
 * out as storages and streams of a compound file (docs/msg-format.md).
 *
 * - Fixed-size values (integers, booleans, doubles, times) sit in the `__properties_version1.0`
 *   stream of their object, 16 bytes each; strings and binaries get a `__substg1.0_IIIITTTT` stream
 *   each and only their size in the properties stream.
 * - Strings are always PT_UNICODE (UTF-16LE), never PT_STRING8, so no code page is involved.
 * - Named properties (a property set GUID and a number) are numbered 0x8000 upwards in the order they
 *   first appear, and `__nameid_version1.0` maps the numbers back to their names.
 */

export type PropType = 'long' | 'double' | 'boolean' | 'time' | 'unicode' | 'binary';

/** A named property: its property set and its number (a LID) within the set. */
export interface NamedId {
  set: string;
  lid: number;
}

export type Prop =
  | { id: number | NamedId; type: 'long' | 'double'; value: number }
  | { id: number | NamedId; type: 'boolean'; value: boolean }
  | { id: number | NamedId; type: 'time'; value: Date }
  | { id: number | NamedId; type: 'unicode'; value: string }
  | { id: number | NamedId; type: 'binary'; value: Uint8Array };

/** Property values by type, so that a value always goes with the type it is written as. */
export const prop = {
  long: (id: number | NamedId, value: number): Prop => ({ id, type: 'long', value }),
  double: (id: number | NamedId, value: number): Prop => ({ id, type: 'double', value }),
  boolean: (id: number | NamedId, value: boolean): Prop => ({ id, type: 'boolean', value }),
  time: (id: number | NamedId, value: Date | string | number): Prop => ({
    id,
    type: 'time',
    value: new Date(value),
  }),
  unicode: (id: number | NamedId, value: string): Prop => ({ id, type: 'unicode', value }),
  binary: (id: number | NamedId, value: Uint8Array): Prop => ({ id, type: 'binary', value }),
};

export interface MsgMessage {
  props: Prop[];
  recipients: Prop[][];
  attachments: Prop[][];
}

const TYPE_CODE: Record<PropType, number> = {
  long: 0x0003,
  double: 0x0005,
  boolean: 0x000b,
  unicode: 0x001f,
  time: 0x0040,
  binary: 0x0102,
};

/** PROPATTR_READABLE | PROPATTR_WRITABLE. */
const FLAGS = 0x00000006;
/** The two property sets with a fixed GUID index in the GUID stream: PS_MAPI 1, PS_PUBLIC_STRINGS 2. */
const FIXED_SETS: Record<string, number> = {
  '00020328-0000-0000-c000-000000000046': 1,
  '00020329-0000-0000-c000-000000000046': 2,
};
/** The class id Outlook gives the root storage of a .msg file. */
const MSG_CLSID = guidBytes('00020d0b-0000-0000-c000-000000000046');
/** 100-ns intervals between 1601-01-01 (FILETIME's epoch) and 1970-01-01. */
const FILETIME_EPOCH = 116_444_736_000_000_000n;

/** A GUID as stored on disk: the first three fields little-endian, the last eight bytes as written. */
export function guidBytes(guid: string): Buffer {
  const hex = guid.replace(/-/g, '');
  const b = Buffer.from(hex, 'hex');
  b.writeUInt32LE(parseInt(hex.slice(0, 8), 16), 0);
  b.writeUInt16LE(parseInt(hex.slice(8, 12), 16), 4);
  b.writeUInt16LE(parseInt(hex.slice(12, 16), 16), 6);
  return b;
}

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

/** Numbers the named properties of a message and writes the mapping storage. */
class NameMap {
  private readonly ids = new Map<string, number>();
  private readonly entries: { lid: number; guidIndex: number }[] = [];
  private readonly guids: string[] = [];

  idOf(id: number | NamedId): number {
    if (typeof id === 'number') return id;
    const set = id.set.toLowerCase();
    const key = `${set}:${id.lid}`;
    let index = this.ids.get(key);
    if (index === undefined) {
      let guidIndex = FIXED_SETS[set];
      if (guidIndex === undefined) {
        if (!this.guids.includes(set)) this.guids.push(set);
        guidIndex = 3 + this.guids.indexOf(set);
      }
      index = this.entries.length;
      this.entries.push({ lid: id.lid, guidIndex });
      this.ids.set(key, index);
    }
    return 0x8000 + index;
  }

  /**
   * `__nameid_version1.0`: the GUID, entry and string streams, and for each entry its copy in one of
   * the 31 hash streams (stream 0x1000 + (LID XOR (GUID index << 1)) mod 0x1F for a numbered name).
   * Only numbered names are used, so the string stream is empty.
   */
  storage(): CfbEntry {
    const entry = (e: { lid: number; guidIndex: number }, index: number) => {
      const b = Buffer.alloc(8);
      b.writeUInt32LE(e.lid, 0);
      b.writeUInt32LE(((index << 16) | (e.guidIndex << 1)) >>> 0, 4);
      return b;
    };
    const buckets = new Map<number, Buffer[]>();
    this.entries.forEach((e, index) => {
      const stream = 0x1000 + (((e.lid ^ (e.guidIndex << 1)) >>> 0) % 0x1f);
      buckets.set(stream, [...(buckets.get(stream) ?? []), entry(e, index)]);
    });
    return {
      name: '__nameid_version1.0',
      children: [
        { name: '__substg1.0_00020102', data: Buffer.concat(this.guids.map(guidBytes)) },
        { name: '__substg1.0_00030102', data: Buffer.concat(this.entries.map(entry)) },
        { name: '__substg1.0_00040102', data: Buffer.alloc(0) },
        ...[...buckets].map(([stream, parts]) => ({
          name: `__substg1.0_${hex4(stream)}0102`,
          data: Buffer.concat(parts),
        })),
      ],
    };
  }
}

/** The 8 value bytes of a fixed-size property. */
function fixedValue(p: Prop): Buffer {
  const b = Buffer.alloc(8);
  if (p.type === 'long') b.writeInt32LE(p.value, 0);
  else if (p.type === 'double') b.writeDoubleLE(p.value, 0);
  else if (p.type === 'boolean') b.writeUInt16LE(p.value ? 1 : 0, 0);
  else if (p.type === 'time') {
    b.writeBigUInt64LE(BigInt(p.value.getTime()) * 10_000n + FILETIME_EPOCH, 0);
  }
  return b;
}

/**
 * One object's streams: the properties stream (after `header`) and a stream per string or binary.
 * A string's size counts the terminating null that its stream leaves out.
 */
function objectStreams(props: Prop[], header: Buffer, names: NameMap): CfbEntry[] {
  const entries: Buffer[] = [header];
  const streams: CfbEntry[] = [];
  for (const p of props) {
    const tag = ((names.idOf(p.id) << 16) | TYPE_CODE[p.type]) >>> 0;
    const e = Buffer.alloc(16);
    e.writeUInt32LE(tag, 0);
    e.writeUInt32LE(FLAGS, 4);
    if (p.type === 'unicode' || p.type === 'binary') {
      const data = p.type === 'unicode' ? Buffer.from(p.value, 'utf16le') : Buffer.from(p.value);
      e.writeUInt32LE(data.length + (p.type === 'unicode' ? 2 : 0), 8);
      streams.push({ name: `__substg1.0_${tag.toString(16).toUpperCase().padStart(8, '0')}`, data });
    } else {
      fixedValue(p).copy(e, 8);
    }
    entries.push(e);
  }
  return [{ name: '__properties_version1.0', data: Buffer.concat(entries) }, ...streams];
}

const numbered = (prefix: string, n: number) => `${prefix}${n.toString(16).toUpperCase().padStart(8, '0')}`;

/** The .msg file of a message: its properties, recipients and attachments. */
export function msgFile(m: MsgMessage): Buffer {
  const names = new NameMap();
  // Top-level header: 8 reserved bytes, next recipient and attachment ids, their counts, 8 reserved.
  const top = Buffer.alloc(32);
  top.writeUInt32LE(m.recipients.length, 8);
  top.writeUInt32LE(m.attachments.length, 12);
  top.writeUInt32LE(m.recipients.length, 16);
  top.writeUInt32LE(m.attachments.length, 20);
  const children: CfbEntry[] = [
    ...objectStreams(m.props, top, names),
    ...m.recipients.map((props, n) => ({
      name: numbered('__recip_version1.0_#', n),
      children: objectStreams(props, Buffer.alloc(8), names),
    })),
    ...m.attachments.map((props, n) => ({
      name: numbered('__attach_version1.0_#', n),
      children: objectStreams(props, Buffer.alloc(8), names),
    })),
  ];
  // Last: every named property of the message and its parts is numbered by now.
  children.push(names.storage());
  return compoundFile({ clsid: MSG_CLSID, children });
}
