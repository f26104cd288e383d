export type Encoding = 'br' | 'gzip';

/** The encodings the build writes, in the server's order of preference. */
export const ENCODINGS: readonly Encoding[] = ['br', 'gzip'];

/** One form of a resource: plain (encoding null) or compressed, with its own ETag. */
export interface Representation {
  encoding: Encoding | null;
  etag: string;
  body: () => Uint8Array<ArrayBuffer>;
}

/**
 * The compressed encodings a client accepts (RFC 9110 §12.5.3), best first: highest q-value, ties in
 * the server's order. `q=0` refuses one; `*` stands for those not named.
 */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const of = (e: Encoding) => q.get(e) ?? (e === 'gzip' ? q.get('x-gzip') : undefined) ?? q.get('*') ?? 0;
  return ENCODINGS.filter((e) => of(e) > 0).sort((a, b) => of(b) - of(a));
}

/** The representation to send: the first accepted encoding that exists, else the plain one. */
export function pick(choices: Representation[], accepted: Encoding[]): Representation {
  for (const encoding of accepted) {
    const found = choices.find((r) => r.encoding === encoding);
    if (found) return found;
  }
  return choices.find((r) => r.encoding === null) ?? choices[0]!;
}

/** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 §13.1.2 asks for GET). */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || strip(t) === strip(etag));
}
