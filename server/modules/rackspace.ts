import type { ServiceModule } from '../module';

/** Rackspace Identity v2.0, Cloud Backup v1.0 and v2 over one model: filled in by the service issue. */
export const rackspaceModule: ServiceModule = {
  name: 'rackspace',
  migrations: [],
  seed() {},
  tickers: () => [],
  routes() {},
};
