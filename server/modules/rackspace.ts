import { RACKSPACE_IDENTITY, RACKSPACE_V1, RACKSPACE_V2 } from '../../src/api/contract/apis';
import { rackspaceTicker } from '../engine/rackspace-engine';
import { freshlySeeded } from '../engine/rackspace-engine';
import { mountRackspaceIdentity, RACKSPACE_TOKEN } from '../identity/rackspace';
import type { ServiceModule } from '../module';
import { mountRackspaceV1 } from '../rackspace-v1/routes';
import { mountRackspaceV2 } from '../rackspace-v2/routes';
import { seedRackspace } from '../seed/rackspace-seed';
import { rackspaceMigrations } from '../store/rackspace-schema';

/** Rackspace Identity v2.0, Cloud Backup v1.0 and v2 over one model. */
export const rackspaceModule: ServiceModule = {
  name: 'rackspace',
  apis: [RACKSPACE_IDENTITY, RACKSPACE_V1, RACKSPACE_V2],
  tokenKinds: [RACKSPACE_TOKEN],
  migrations: rackspaceMigrations,
  seed(ctx, random, scale) {
    seedRackspace(ctx, random, scale);
    freshlySeeded.add(ctx.db);
  },
  tickers: (ctx) => [rackspaceTicker(ctx)],
  routes(app, ctx) {
    mountRackspaceIdentity(app, ctx);
    mountRackspaceV1(app, ctx);
    mountRackspaceV2(app, ctx);
  },
};
