import type { Context } from 'hono';
import { fault } from './rackspace-v1/http';
import { v2Error } from './rackspace-v2/http';
import { veeamError } from './veeam-v5/http';

/**
 * The error body of the dialect a path belongs to, for answers made before any dialect's routes run
 * (body too large, no such path, a failure, an injected fault): Veeam's `{message, errorCode}` under /v5, Rackspace's
 * fault form under /v1.0 and Identity's /v2.0, and v2's `{message, errors}` for the rest.
 */
export function dialectError(c: Context, status: 404 | 413 | 500 | 503, message: string): Response {
  const path = c.req.path;
  if (/^\/v5(\/|$)/i.test(path)) return veeamError(c, status, message);
  if (/^\/([a-z]{3}\/)?v1\.0(\/|$)|^\/v2\.0(\/|$)/i.test(path)) return fault(c, status, message);
  return v2Error(c, status, message);
}
