import type { Document, FileFolder } from '../../../src/api/veeam-v5/restore-wire';
import type { Kind, Ref, Sequence, Timeline, View } from './core';
import { DAY, ROOT, concatSequences, iso, mapSequence, rowsOf } from './core';
import type { DocumentRecord } from './documents';
import { documentRecord } from './documents';
import type { OrgContent } from './org';

/**
 * A tree of folders holding documents: a OneDrive, or a SharePoint library. The folders are fixed; each
 * folder (and the root) holds a timeline of documents. Ids carry the owner `a`, the library `b`.
 */

export interface FolderDef {
  name: string;
  parent: number | null;
}

export interface DocRow extends Ref {
  folder: number;
}

export class FileTree {
  constructor(
    readonly o: OrgContent,
    readonly kinds: { folder: Kind; document: Kind },
    readonly a: number,
    readonly b: number,
    readonly folders: readonly FolderDef[],
    /** Documents at the first backup in the root and in each folder. */
    readonly sizes: { root: number; folder: (f: number) => number },
    /** Links: `${base}/Folders/{id}`, `${base}/Documents/{id}`. */
    readonly base: string,
  ) {}

  timeline(folder: number): Timeline {
    const size = folder === ROOT ? this.sizes.root : this.sizes.folder(folder);
    return this.o.timeline(this.kinds.document, this.a, this.b, folder, size, true);
  }

  folderId(f: number): string {
    return this.o.id(this.kinds.folder, this.a, this.b, 0, f);
  }

  docId(r: DocRow): string {
    return this.o.id(this.kinds.document, this.a, this.b, r.folder, r.i, r.v);
  }

  /** A folder number of this tree, or null. */
  folderOf(id: string): number | null {
    const x = this.o.decode(id, this.kinds.folder);
    return x && x.a === this.a && x.b === this.b && x.i < this.folders.length ? x.i : null;
  }

  /** A document of this tree that the view shows, or null. */
  docOf(id: string, view: View): DocRow | null {
    const x = this.o.decode(id, this.kinds.document);
    if (!x || x.a !== this.a || x.b !== this.b) return null;
    if (x.c !== ROOT && x.c >= this.folders.length) return null;
    return this.timeline(x.c).shows(x.i, x.v, view) ? { folder: x.c, i: x.i, v: x.v } : null;
  }

  /** Folders under `parent` (null: the root's; undefined: all). */
  childFolders(parent: number | null | undefined): number[] {
    return this.folders
      .map((_, f) => f)
      .filter((f) => parent === undefined || this.folders[f]!.parent === parent);
  }

  /** A folder and every folder under it. */
  below(f: number): number[] {
    return [f, ...this.childFolders(f).flatMap((g) => this.below(g))];
  }

  docs(folder: number, view: View): Sequence<DocRow> {
    return mapSequence(rowsOf(this.timeline(folder), view), (r) => ({ ...r, folder }));
  }

  /** Documents of several folders (ROOT for the root), one folder after another. */
  docsOf(folders: number[], view: View): Sequence<DocRow> {
    return concatSequences(folders.map((f) => this.docs(f, view)));
  }

  /** Every document: the root's, then each folder's. */
  allDocs(view: View): Sequence<DocRow> {
    return this.docsOf([ROOT, ...this.folders.map((_, f) => f)], view);
  }

  record(r: DocRow, view: View): DocumentRecord {
    return documentRecord(this.o, this.timeline(r.folder), r.i, r.v, view);
  }

  /** The folder path of a document, for a ZIP: "Projects/Roadmap 2026/". */
  path(folder: number): string {
    if (folder === ROOT) return '';
    const def = this.folders[folder]!;
    return `${def.parent === null ? '' : this.path(def.parent)}${def.name}/`;
  }

  presentFolder(f: number): FileFolder {
    const def = this.folders[f]!;
    const id = this.folderId(f);
    const creator = this.o.owner(this.a + f);
    const created = this.o.anchor - (700 - f * 13) * DAY;
    return {
      id,
      name: def.name,
      createdBy: creator.name,
      creationTime: iso(created),
      modifiedBy: creator.name,
      modificationTime: iso(created + 3 * DAY),
      isDeleted: false,
      _links: {
        self: { href: `${this.base}/Folders/${id}` },
        ...(def.parent !== null
          ? { parent: { href: `${this.base}/Folders/${this.folderId(def.parent)}` } }
          : {}),
        folders: { href: `${this.base}/Folders?parentId=${id}` },
        documents: { href: `${this.base}/Documents?parentId=${id}` },
      },
    };
  }

  presentDocument(r: DocRow, view: View): Document {
    const id = this.docId(r);
    const rec = this.record(r, view);
    return {
      id,
      ...rec,
      inheritedPermissions: r.i % 7 !== 0,
      _links: {
        self: { href: `${this.base}/Documents/${id}` },
        ...(r.folder !== ROOT ? { parent: { href: `${this.base}/Folders/${this.folderId(r.folder)}` } } : {}),
      },
    };
  }
}
