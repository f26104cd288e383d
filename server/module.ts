import type { Hono } from 'hono';
import type { ApiContract } from '../src/api/contract/operations';
import type { ServiceContext } from './context';
import type { Ticker } from './engine/engine';
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
  migrations: Migration[];
  /** Fills a new data folder with the deterministic demo data set. Runs once, in a transaction. */
  seed(ctx: ServiceContext, random: Random, scale: number): void;
  tickers(ctx: ServiceContext): Ticker[];
  routes(app: Hono, ctx: ServiceContext): void;
}
