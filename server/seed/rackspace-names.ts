import type { Random } from './random';
import type { Frequency, PathRule } from '../store/rackspace-types';

/** Word lists for the Rackspace demo machines and configurations. */

const ROLES = ['web', 'db', 'app', 'mail', 'files', 'cache', 'api', 'build', 'erp', 'crm', 'wiki', 'git'];
const ENVS = ['prod', 'stage', 'int', 'dr'];

export interface MachineKind {
  os: string;
  version: string;
  windows: boolean;
  includes: string[];
  excludes: string[];
}

const MACHINES: MachineKind[] = [
  {
    os: 'Ubuntu',
    version: '22.04',
    windows: false,
    includes: ['/var/www', '/etc', '/home'],
    excludes: ['/var/www/cache', '/home/*/tmp'],
  },
  {
    os: 'Red Hat Enterprise Linux',
    version: '9.3',
    windows: false,
    includes: ['/var/lib/mysql-backup', '/etc', '/opt/app'],
    excludes: ['/opt/app/logs'],
  },
  {
    os: 'Debian',
    version: '12',
    windows: false,
    includes: ['/srv', '/etc', '/root'],
    excludes: ['/srv/tmp'],
  },
  {
    os: 'Windows Server 2022 Datacenter',
    version: '10.0.20348',
    windows: true,
    includes: ['C:\\inetpub\\wwwroot', 'D:\\Data', 'C:\\Users'],
    excludes: ['D:\\Data\\Temp'],
  },
  {
    os: 'Windows Server 2019 Standard',
    version: '10.0.17763',
    windows: true,
    includes: ['D:\\SQLBackups', 'C:\\ProgramData\\App'],
    excludes: ['C:\\ProgramData\\App\\Cache'],
  },
];

export function machineName(random: Random, index: number, region: string): string {
  const role = ROLES[index % ROLES.length] ?? 'app';
  const env = random.pick(ENVS);
  return `${role}-${env}-${region.toLowerCase()}-${String(Math.floor(index / ROLES.length) + 1).padStart(2, '0')}`;
}

export function machineKind(random: Random): MachineKind {
  return random.pick(MACHINES);
}

export function rules(paths: string[]): PathRule[] {
  return paths.map((path) => ({ type: /\.\w+$/.test(path) ? 'file' : 'folder', path }));
}

const CONFIG_NAMES: Record<Frequency, string[]> = {
  Manually: ['On-demand snapshot', 'Before-upgrade copy', 'Manual archive'],
  Hourly: ['Hourly web content', 'Hourly uploads', 'Hourly database dumps'],
  Daily: ['Nightly files', 'Daily system backup', 'Nightly database dumps', 'Daily home folders'],
  Weekly: ['Weekly full backup', 'Weekly archive', 'Weekend system image'],
};

export function configurationName(random: Random, frequency: Frequency, machine: string): string {
  return `${random.pick(CONFIG_NAMES[frequency])} – ${machine}`;
}

export const ZONES = ['America/New_York', 'US/Central', 'US/Pacific', 'Europe/London', 'UTC'];

export const PEOPLE = ['ops@example.com', 'backup-alerts@example.com', 'sre@example.com'];

export function hex(random: Random, length: number): string {
  return Array.from({ length }, () => Math.floor(random.next() * 16).toString(16)).join('');
}

export function ipv4(random: Random): string {
  return `10.${random.int(0, 254)}.${random.int(0, 254)}.${random.int(2, 254)}`;
}
