import { z } from 'zod';
import type { Connection } from './domain';
import type { FetchLike } from './http';

/** The runtime config (public/config.json, next to index.html): PRODUCT.md "Connections". */
const REGIONS = ['DFW', 'ORD', 'IAD', 'LON', 'HKG', 'SYD'] as const;

const common = {
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes (it appears in URLs)'),
  label: z.string().min(1, 'must not be empty'),
};

const rackspace = (dialect: 'rackspace-v1' | 'rackspace-v2') =>
  z.object({
    ...common,
    dialect: z.literal(dialect),
    identityUrl: z.string().min(1, 'is required: the Rackspace Identity v2.0 root, e.g. "/v2.0"'),
    region: z
      .string()
      .transform((r) => r.toUpperCase())
      .pipe(z.enum(REGIONS, { message: `must be one of ${REGIONS.join(', ')}` })),
  });

const connectionSchema = z.discriminatedUnion(
  'dialect',
  [
    rackspace('rackspace-v1'),
    rackspace('rackspace-v2'),
    z.object({
      ...common,
      dialect: z.literal('veeam-v5'),
      baseUrl: z.string().min(1, 'is required: the /v5 root of the Veeam REST API'),
    }),
  ],
  { message: 'dialect must be "rackspace-v1", "rackspace-v2" or "veeam-v5"' },
);

export const connectionsConfigSchema = z
  .object({ connections: z.array(connectionSchema).min(1, 'must list at least one connection') })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.connections.forEach((c, i) => {
      if (seen.has(c.id))
        ctx.addIssue({ code: 'custom', path: ['connections', i, 'id'], message: `"${c.id}" is used twice` });
      seen.add(c.id);
    });
  });

export class ConnectionsConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectionsConfigError';
  }
}

/** Checks a parsed config; a wrong one throws with every problem named by its place in the file. */
export function parseConnections(raw: unknown, source = 'config.json'): Connection[] {
  const result = connectionsConfigSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const where = issue.path.length ? issue.path.join('.') : '(the whole file)';
      return `${where}: ${issue.message}`;
    });
    throw new ConnectionsConfigError(`${source} is not a valid connections config. ${problems.join('; ')}.`);
  }
  return result.data.connections.map((c) => ({ ...c }));
}

/** Loads and checks the runtime config; a missing or malformed file gives a clear message. */
export async function loadConnections(fetchImpl: FetchLike, url = '/config.json'): Promise<Connection[]> {
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  } catch (err) {
    throw new ConnectionsConfigError(
      `Could not load ${url} (${err instanceof Error ? err.message : String(err)}).`,
    );
  }
  if (!response.ok)
    throw new ConnectionsConfigError(
      `Could not load ${url}: the server answered ${response.status}. It must sit next to index.html.`,
    );
  let raw: unknown;
  try {
    raw = await response.json();
  } catch {
    throw new ConnectionsConfigError(`${url} is not valid JSON.`);
  }
  return parseConnections(raw, url);
}
