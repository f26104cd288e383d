import type { ServiceModule } from '../module';

/** Veeam Backup for Microsoft 365 REST v5 and its token endpoint: filled in by the service issue. */
export const veeamModule: ServiceModule = {
  name: 'veeam',
  migrations: [],
  seed() {},
  tickers: () => [],
  routes() {},
};
