/**
 * Rackspace Cloud Backup v1.0 names a configuration's time zone the way Windows does (`TimeZoneId`,
 * "Eastern Standard Time"); v2 and the browser's Intl use IANA names. This table maps the Windows
 * names a v1.0 client may send to the IANA zone each stands for: the zone of the name's "001"
 * territory in Unicode CLDR's windowsZones table. The reference service stores a v1.0 zone by it; the
 * console reads by it the UTC offset a v1.0 schedule runs at.
 */
const ZONE_OF_WINDOWS_NAME: Record<string, string> = {
  'Dateline Standard Time': 'Etc/GMT+12',
  'UTC-11': 'Etc/GMT+11',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Alaskan Standard Time': 'America/Anchorage',
  'Pacific Standard Time': 'America/Los_Angeles',
  'US Mountain Standard Time': 'America/Phoenix',
  'Mountain Standard Time': 'America/Denver',
  'Central America Standard Time': 'America/Guatemala',
  'Central Standard Time': 'America/Chicago',
  'Canada Central Standard Time': 'America/Regina',
  'SA Pacific Standard Time': 'America/Bogota',
  'Eastern Standard Time': 'America/New_York',
  'US Eastern Standard Time': 'America/Indiana/Indianapolis',
  'Atlantic Standard Time': 'America/Halifax',
  'Newfoundland Standard Time': 'America/St_Johns',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Argentina Standard Time': 'America/Argentina/Buenos_Aires',
  UTC: 'UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Romance Standard Time': 'Europe/Paris',
  'Central European Standard Time': 'Europe/Warsaw',
  'GTB Standard Time': 'Europe/Bucharest',
  'FLE Standard Time': 'Europe/Kiev',
  'Israel Standard Time': 'Asia/Jerusalem',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'Russian Standard Time': 'Europe/Moscow',
  'Arabian Standard Time': 'Asia/Dubai',
  'Pakistan Standard Time': 'Asia/Karachi',
  'India Standard Time': 'Asia/Kolkata',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'E. Australia Standard Time': 'Australia/Brisbane',
  'W. Australia Standard Time': 'Australia/Perth',
  'New Zealand Standard Time': 'Pacific/Auckland',
};
const WINDOWS_NAME_OF_ZONE: Record<string, string> = Object.fromEntries(
  Object.entries(ZONE_OF_WINDOWS_NAME).map(([name, zone]) => [zone, name]),
);

/** The IANA zone of a Windows zone name (exact spelling, as Windows writes it), if the table has it. */
export function zoneOfWindowsName(name: string): string | undefined {
  return Object.hasOwn(ZONE_OF_WINDOWS_NAME, name) ? ZONE_OF_WINDOWS_NAME[name] : undefined;
}

/** The Windows name of an IANA zone that the table maps a Windows name to, if any. */
export function windowsNameOfZone(iana: string): string | undefined {
  return Object.hasOwn(WINDOWS_NAME_OF_ZONE, iana) ? WINDOWS_NAME_OF_ZONE[iana] : undefined;
}

/** The Windows zone names the table knows. */
export const WINDOWS_ZONE_NAMES: readonly string[] = Object.keys(ZONE_OF_WINDOWS_NAME);
