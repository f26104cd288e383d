import type { ExploreType } from '../../../api/domain';

/** The Veeam Explorers a restore session opens, by the request's code and the response's type. */
export const EXPLORE_TYPES: readonly { value: ExploreType; label: string }[] = [
  { value: 'vex', label: 'Exchange' },
  { value: 'vesp', label: 'SharePoint' },
  { value: 'veod', label: 'OneDrive' },
  { value: 'vet', label: 'Teams' },
];

/** "Vex" or "vex" → "Exchange"; an unknown type shows as the vendor wrote it. */
export function exploreTypeLabel(type: string): string {
  return EXPLORE_TYPES.find((t) => t.value === type.toLowerCase())?.label ?? type;
}
