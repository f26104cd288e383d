import '@mantine/core/styles/NavLink.css';
import { NavLink } from '@mantine/core';
import {
  IconActivity,
  IconArchive,
  IconBriefcase,
  IconDashboard,
  IconFolderSearch,
  IconListDetails,
  IconPlugConnected,
  IconSettings,
  IconUsers,
} from '@tabler/icons-react';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { apiRuntime } from '../../api/runtime';
import { useSession } from '../../features/session/use-session';

export const NAV_ITEMS = [
  { to: '/', label: 'Overview', icon: IconDashboard },
  { to: '/configurations', label: 'Configurations', icon: IconSettings },
  { to: '/jobs', label: 'Jobs', icon: IconBriefcase },
  { to: '/activity', label: 'Activity', icon: IconActivity },
  { to: '/restores', label: 'Restores', icon: IconArchive },
  { to: '/restore-sessions', label: 'Restore sessions', icon: IconFolderSearch },
] as const;

type NavItem =
  (typeof NAV_ITEMS)[number] | (typeof CONSOLE_ITEMS)[number] | (typeof CONSOLE_ADMIN_ITEMS)[number];

/** The console server's own pages: for everyone signed in to it (console mode only)… */
export const CONSOLE_ITEMS = [{ to: '/connections', label: 'Connections', icon: IconPlugConnected }] as const;

/** …and for its administrators. */
export const CONSOLE_ADMIN_ITEMS = [
  { to: '/audit', label: 'Audit log', icon: IconListDetails },
  { to: '/users', label: 'Users', icon: IconUsers },
] as const;

/** The console server's pages this person has: none in vendor mode (one role for every connection). */
function useConsoleItems(): readonly NavItem[] {
  const { sessions } = useSession();
  if (apiRuntime().consoleMode === null) return [];
  const admin = Object.values(sessions).some((s) => s.role === 'admin');
  return admin ? [...CONSOLE_ITEMS, ...CONSOLE_ADMIN_ITEMS] : CONSOLE_ITEMS;
}

function isActive(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const { pathname } = useLocation();
  const items = [...NAV_ITEMS, ...useConsoleItems()];
  return (
    <nav aria-label="Main">
      {items.map(({ to, label, icon: Icon }) => (
        <NavLink
          key={to}
          component={RouterNavLink}
          to={to}
          end={to === '/'}
          label={label}
          leftSection={<Icon size={18} aria-hidden />}
          active={isActive(pathname, to)}
          onClick={onNavigate}
        />
      ))}
    </nav>
  );
}
