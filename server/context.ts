import type { ServiceConfig } from './config';
import type { Engine } from './engine/engine';
import type { Db } from './store/db';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** What every part of the service is handed: the database, the settings, the clock and the engine. */
export interface ServiceContext {
  db: Db;
  config: ServiceConfig;
  clock: Clock;
  engine: Engine;
}
