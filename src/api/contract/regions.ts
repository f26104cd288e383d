/** Rackspace Cloud Backup's regions: a connection names one, and a path may start with it in lower case. */
export const REGIONS = ['DFW', 'ORD', 'IAD', 'LON', 'HKG', 'SYD'] as const;
export type Region = (typeof REGIONS)[number];

/** No region in a Rackspace path means this one. */
export const DEFAULT_REGION: Region = 'DFW';

export function isRegion(value: string): value is Region {
  return (REGIONS as readonly string[]).includes(value);
}
