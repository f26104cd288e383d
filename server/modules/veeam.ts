import { VEEAM_V5 } from '../../src/api/contract/apis';
import { veeamTicker } from '../engine/veeam-ticker';
import { VEEAM_ACCESS_TOKEN, VEEAM_REFRESH_TOKEN, veeamTokenRoute } from '../identity/veeam';
import type { ServiceModule } from '../module';
import { seedVeeam } from '../seed/veeam-seed';
import { veeamMigrations } from '../store/veeam-schema';
import { organizationItemRoutes } from '../veeam-v5/organization-items';
import { exchangeActionRoutes } from '../veeam-v5/actions-exchange';
import { exchangeBrowseRoutes } from '../veeam-v5/routes-exchange';
import { oneDriveRoutes } from '../veeam-v5/routes-onedrive';
import { sharePointRoutes } from '../veeam-v5/routes-sharepoint';
import { teamsRoutes } from '../veeam-v5/routes-teams';
import { jobRoutes } from '../veeam-v5/routes-jobs';
import { organizationRoutes } from '../veeam-v5/routes-organizations';
import { restoreSessionRoutes } from '../veeam-v5/routes-restores';
import { jobSessionRoutes } from '../veeam-v5/routes-sessions';

/** Veeam Backup for Microsoft 365 REST v5 and its token endpoint (server/veeam-v5/README.md). */
export const veeamModule: ServiceModule = {
  name: 'veeam',
  apis: [VEEAM_V5],
  tokenKinds: [VEEAM_ACCESS_TOKEN, VEEAM_REFRESH_TOKEN],
  migrations: veeamMigrations,
  seed: seedVeeam,
  tickers: (ctx) => [veeamTicker(ctx)],
  routes(app, ctx) {
    veeamTokenRoute(app, ctx);
    organizationRoutes(app, ctx);
    organizationItemRoutes(app, ctx);
    jobRoutes(app, ctx);
    jobSessionRoutes(app, ctx);
    restoreSessionRoutes(app, ctx);
    exchangeBrowseRoutes(app, ctx);
    exchangeActionRoutes(app, ctx);
    oneDriveRoutes(app, ctx);
    sharePointRoutes(app, ctx);
    teamsRoutes(app, ctx);
  },
};
