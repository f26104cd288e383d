import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { PLAIN_ERROR } from '../src/api/contract/error-forms';
import type { ApiContract } from '../src/api/contract/operations';
import { apiOf } from '../src/api/contract/operations';

export type ErrorAnswer = (c: Context, status: ContentfulStatusCode, message: string) => Response;

/**
 * Answers in the error form of the API a path belongs to, for answers made before any API's routes
 * run (body too large, no such path, a failure, an injected fault). Each API's contract names its form
 * (src/api/contract/error-forms.ts); a path outside every API gets a plain `{"message": "…"}`.
 */
export function errorAnswer(apis: readonly ApiContract[]): ErrorAnswer {
  return (c, status, message) =>
    c.json((apiOf(apis, c.req.path)?.errorBody ?? PLAIN_ERROR).write(status, message), status);
}
