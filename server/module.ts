import type { Hono } from 'hono';
import type { ApiContract } from '../src/api/contract/operations';
import type { ServiceContext } from './context';
import type { Ticker } from './engine/engine';
import type { TokenKind } from './identity/tokens';
import type { Random } from './seed/random';
import type { Migration } from './store/db';

/**
 * One family of APIs over its own part of the model (Rackspace v1.0 + v2 share one; Veeam v5 has
 * another). The service composes modules; none knows another.
 */
export interface ServiceModule {
  name: string;
  /**
   * The APIs it answers, each with its path prefix, error form, case rule and table of operations
   * (src/api/contract/apis.ts). The service answers in an API's error form on its paths, and its
   * routes refuse by its table.
   */
  apis: readonly ApiContract[];
  /** The kinds of token it issues and reads (names unique across modules). */
  tokenKinds: readonly TokenKind[];
  migrations: Migration[];
  /** Fills a new data folder with the deterministic demo data set. Runs once, in a transaction. */
  seed(ctx: ServiceContext, random: Random, scale: number): void;
  tickers(ctx: ServiceContext): Ticker[];
  routes(app: Hono, ctx: ServiceContext): void;
}

/**
 * Modules must not claim one another's paths or token kinds: the service would answer in the wrong
 * error form or accept one module's token at another's door. Checked when the service is built.
 */
export function checkModules(modules: readonly ServiceModule[]): void {
  const owner = new Map<string, string>();
  const claim = (what: string, by: string) => {
    const before = owner.get(what);
    if (before !== undefined && before !== by)
      throw new Error(`Service modules "${before}" and "${by}" both claim ${what}.`);
    owner.set(what, by);
  };
  for (const m of modules) {
    for (const api of m.apis) claim(`the API "${api.name}"`, m.name);
    for (const kind of m.tokenKinds) claim(`the token kind "${kind.name}"`, m.name);
  }
}
