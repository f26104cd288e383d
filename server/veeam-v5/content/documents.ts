import type { Timeline, View } from './core';
import { hash32, iso, pick, unit } from './core';
import type { OrgContent } from './org';
import { COMPANIES, FILE_TEMPLATES, SIZE_BY_EXTENSION, TOPICS } from './words';

/** Documents of OneDrives, SharePoint libraries and channel files: names, sizes, versions, authors. */

export interface DocumentRecord {
  name: string;
  sizeBytes: number;
  version: string;
  isLatestVersion: boolean;
  createdBy: string;
  creationTime: string;
  modifiedBy: string;
  modificationTime: string;
  isDeleted: boolean;
  deletionTime?: string;
}

/** Document i of a timeline at version v (its name stays, its size and author change per version). */
export function documentRecord(o: OrgContent, t: Timeline, i: number, v: number, view: View): DocumentRecord {
  const key = t.key;
  const created = t.created(i);
  const date = iso(created).slice(0, 10);
  const topic = pick(TOPICS, key, i, 1);
  const name = pick(FILE_TEMPLATES, key, i, 2)
    .replace('{n}', String(1000 + i))
    .replace('{y}', date.slice(0, 4))
    .replace('{d}', date)
    .replace('{c}', pick(COMPANIES, key, i, 3))
    .replace('{T}', topic[0]!.toUpperCase() + topic.slice(1))
    .replace('{v}', String(1 + (i % 5)));
  const ext = name.split('.').pop() ?? 'bin';
  const [low, high] = SIZE_BY_EXTENSION[ext] ?? [10_000, 1_000_000];
  const base = low + (high - low) * unit(key, i, 4) ** 4;
  const sizeBytes = Math.round(base * (1 + 0.07 * (v - 1)) + (hash32(key, i, v, 5) % 997));
  const creator = o.person(key, i, 6);
  const editor = v === 1 ? creator : o.person(key, i, v, 7);
  const deletedAt = t.deletedAt(i);
  const deleted = deletedAt !== null && deletedAt <= view.pit;
  return {
    name,
    sizeBytes,
    version: `${v}.0`,
    isLatestVersion: v === t.versionAt(i, view.pit),
    createdBy: creator.name,
    creationTime: iso(created),
    modifiedBy: editor.name,
    modificationTime: iso(t.versionTime(i, v)),
    isDeleted: deleted,
    ...(deleted ? { deletionTime: iso(deletedAt) } : {}),
  };
}

/** The bytes of a saved document: a text file is real text; any other is filler of the document's size. */
export function documentBytes(doc: {
  name: string;
  sizeBytes: number;
  version: string;
  modifiedBy: string;
}): Buffer {
  const text =
    `${doc.name} (version ${doc.version}, last changed by ${doc.modifiedBy})\r\n` +
    'Restored by the Backup Console reference service: the content of this document is made up.\r\n';
  const line = Buffer.from(text, 'utf8');
  const size = /\.(txt|csv)$/i.test(doc.name) ? Math.min(doc.sizeBytes, 64 * 1024) : doc.sizeBytes;
  const out = Buffer.alloc(Math.max(size, line.length));
  for (let at = 0; at < out.length; at += line.length) line.copy(out, at);
  return out;
}
