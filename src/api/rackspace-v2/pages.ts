import type { z } from 'zod/mini';
import type { HttpClient } from '../http';
import type { ReadOptions } from '../provider';
import type { Link } from './wire';

/** Asked per page; the service may cap it (the vendor's default is 100). */
export const PAGE_LIMIT = 1000;
/** A guard against a service whose `next` link never ends. */
const MAX_PAGES = 100;

/** The `marker` of a list's `next` link, if any. */
export function nextMarker(links: readonly Link[] | undefined): string | null {
  const next = links?.find((l) => l.rel === 'next')?.href;
  if (!next) return null;
  return new URL(next, 'http://x').searchParams.get('marker');
}

/**
 * Reads a v2 list across its pages (`marker` = last seen id, `links` rel `next`). Set `max` for lists
 * where only the newest matter (activity).
 */
export async function readAll<S extends z.ZodMiniType<{ links?: Link[] }>, T>(
  http: HttpClient,
  path: string,
  schema: S,
  pick: (page: z.output<S>) => T[],
  o: ReadOptions & { query?: Record<string, string | number | boolean>; max?: number } = {},
): Promise<T[]> {
  const items: T[] = [];
  let marker: string | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const limit = o.max ? Math.min(PAGE_LIMIT, o.max - items.length) : PAGE_LIMIT;
    const page = await http.request(
      { method: 'GET', path, signal: o.signal, query: { ...o.query, limit, marker } },
      schema,
    );
    items.push(...pick(page));
    marker = nextMarker(page.links);
    if (!marker || (o.max && items.length >= o.max)) break;
  }
  return items;
}
