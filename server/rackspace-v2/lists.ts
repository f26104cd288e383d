import type { Db } from '../store/db';
import type { JsonBytes } from '../store/fragment-list';
import { FragmentList, wrapJson } from '../store/fragment-list';
import { tableVersion } from '../store/list-revs';
import type { ConfigurationFilter } from '../store/rackspace-configurations';
import { configurationRevs, configurationsByIds } from '../store/rackspace-configurations';
import { cached } from '../store/rackspace-sql';
import type { ConfigurationView } from '../store/rackspace-types';
import type { V2Context } from './http';
import { pageLinks } from './http';
import { presentConfigurationSummary } from './present';

/** Bases (origins as clients reach the service) kept at once; links differ per base. */
const KEPT_BASES = 8;

/**
 * `GET /configurations` pages as kept JSON (store/fragment-list.ts): the bytes equal
 * `{configurations: rows.map(presentConfigurationSummary), links}`, per base URL.
 */
export function v2ConfigurationPages(db: Db) {
  const perBase = new Map<string, FragmentList<ConfigurationView>>();
  const listFor = (base: string) => {
    let list = perBase.get(base);
    if (!list) {
      if (perBase.size >= KEPT_BASES) perBase.clear();
      list = new FragmentList<ConfigurationView>({
        rows: (ids) => configurationsByIds(db, ids),
        keyOf: (c) => c.id,
        present: (c) => presentConfigurationSummary(base, c),
      });
      perBase.set(base, list);
    }
    return list;
  };
  const uuidOf = (id: number) =>
    (cached(db, 'SELECT uuid FROM rs_configurations WHERE id = ?').get(id) as { uuid: string }).uuid;

  return (c: V2Context, filter: ConfigurationFilter & { limit: number }): JsonBytes => {
    const base = c.get('base');
    const list = listFor(base);
    return list.answer(`${base} ${c.req.url}`, tableVersion(db, 'rs_versions', 'rs_configurations'), () => {
      const revs = configurationRevs(db, c.get('scope'), filter);
      const last = revs.length === filter.limit ? revs[revs.length - 1] : undefined;
      const links = pageLinks(c, last && uuidOf(last[0]), filter.limit);
      return wrapJson('{"configurations":', list.array(revs), `,"links":${JSON.stringify(links)}}`);
    });
  };
}
