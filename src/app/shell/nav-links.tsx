import '@mantine/core/styles/NavLink.css';
import { NavLink } from '@mantine/core';
import {
  IconActivity,
  IconArchive,
  IconBriefcase,
  IconDashboard,
  IconFolderSearch,
  IconSettings,
} from '@tabler/icons-react';
import { NavLink as RouterNavLink, useLocation } from 'react-router';

export const NAV_ITEMS = [
  { to: '/', label: 'Overview', icon: IconDashboard },
  { to: '/configurations', label: 'Configurations', icon: IconSettings },
  { to: '/jobs', label: 'Jobs', icon: IconBriefcase },
  { to: '/activity', label: 'Activity', icon: IconActivity },
  { to: '/restores', label: 'Restores', icon: IconArchive },
  { to: '/restore-sessions', label: 'Restore sessions', icon: IconFolderSearch },
] as const;

function isActive(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const { pathname } = useLocation();
  return (
    <nav aria-label="Main">
      {NAV_ITEMS.map(({ to, label, icon: Icon }) => (
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
