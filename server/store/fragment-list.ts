/**
 * A whole list answered as JSON bytes from kept per-row fragments (see list-revs.ts for the revs).
 *
 * A list at 10,000 rows costs most in reading wide rows and in building and serializing objects, so:
 * the answer of a list is kept with the version of its table and given again while that version
 * stands (polls between two changes cost one small query); after a change the list reads only
 * `[key, rev]` pairs from a covering index, renders again only the rows whose rev moved (read in one
 * query), and joins the kept fragments. The bytes equal `JSON.stringify(rows.map(present))`.
 */
export type Revs = [key: number, rev: number][];
/** JSON bytes, ready to send. */
export type JsonBytes = Buffer<ArrayBuffer>;

export interface FragmentSource<R> {
  /** The rows of these keys (any order; a missing key is a row that went away in between). */
  rows(keys: number[]): R[];
  keyOf(row: R): number;
  present(row: R): unknown;
}

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');
/**
 * Whole answers kept per list (scopes, pages, filters), and their bytes at most: a client paging
 * through 10,000-row pages must not make the service keep them all. The oldest go first.
 */
const KEPT_ANSWERS = 32;
const KEPT_BYTES = 48 * 1024 * 1024;

export class FragmentList<R> {
  private readonly fragments = new Map<number, { rev: number; json: Buffer }>();
  private readonly answers = new Map<string, { version: number; body: JsonBytes }>();
  private keptBytes = 0;

  constructor(
    private readonly source: FragmentSource<R>,
    private readonly keep = { answers: KEPT_ANSWERS, bytes: KEPT_BYTES },
  ) {}

  /**
   * A kept answer while its table's counter (`version`) stands; otherwise `make` makes it again.
   * `answerKey` names the list: scope, filter, page, and whatever else the bytes depend on.
   */
  answer(answerKey: string, version: number, make: () => JsonBytes): JsonBytes {
    const kept = this.answers.get(answerKey);
    if (kept?.version === version) return kept.body;
    const body = make();
    this.forget(answerKey);
    this.answers.set(answerKey, { version, body });
    this.keptBytes += body.length;
    for (const key of this.answers.keys()) {
      if (this.answers.size <= this.keep.answers && this.keptBytes <= this.keep.bytes) break;
      if (key !== answerKey) this.forget(key);
    }
    return body;
  }

  private forget(answerKey: string): void {
    const kept = this.answers.get(answerKey);
    if (!kept) return;
    this.keptBytes -= kept.body.length;
    this.answers.delete(answerKey);
  }

  /** The JSON array of the rows of `revs` (keys and revs in list order). */
  array(revs: Revs): JsonBytes {
    const parts: Buffer[] = [OPEN];
    for (const json of this.fragmentsOf(revs)) {
      if (parts.length > 1) parts.push(COMMA);
      parts.push(json);
    }
    parts.push(CLOSE);
    return Buffer.concat(parts);
  }

  /** The fragments of `revs`, rendering the missing and out-of-date ones first (in one read). */
  private fragmentsOf(revs: Revs): Buffer[] {
    const stale = revs.filter(([key, rev]) => this.fragments.get(key)?.rev !== rev);
    if (stale.length > 0) {
      const wanted = new Map(stale);
      for (const row of this.source.rows(stale.map(([key]) => key))) {
        const key = this.source.keyOf(row);
        const rev = wanted.get(key);
        if (rev === undefined) continue;
        this.fragments.set(key, { rev, json: Buffer.from(JSON.stringify(this.source.present(row))) });
      }
    }
    const out: Buffer[] = [];
    for (const [key] of revs) {
      const fragment = this.fragments.get(key);
      if (fragment) out.push(fragment.json);
    }
    return out;
  }
}

/** `head` + JSON bytes + `tail`: a kept array inside the object of a paged answer. */
export function wrapJson(head: string, array: Buffer, tail: string): JsonBytes {
  return Buffer.concat([Buffer.from(head), array, Buffer.from(tail)]);
}
