import { NavLink } from '@mantine/core';
import { IconBuildingStore, IconChartBar } from '@tabler/icons-react';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { isAdmin, isSupervisor, useSession } from '../auth/session.tsx';
import { useWalkInAdminText } from './texts.ts';

/** Navigation to the walk-in setup (admins) and the walk-in report (supervisors and admins). */
export function WalkInAdminNavItems() {
  const { text } = useWalkInAdminText();
  const { agent } = useSession();
  const location = useLocation();
  return (
    <>
      {isAdmin(agent) && (
        <NavLink
          component={RouterNavLink}
          to="/admin/walk-in"
          label={text('navSetup')}
          leftSection={<IconBuildingStore size={16} />}
          active={location.pathname === '/admin/walk-in' || location.pathname.startsWith('/admin/walk-in/')}
          py={6}
        />
      )}
      {isSupervisor(agent) && (
        <NavLink
          component={RouterNavLink}
          to="/admin/walk-in-report"
          label={text('navReport')}
          leftSection={<IconChartBar size={16} />}
          active={location.pathname.startsWith('/admin/walk-in-report')}
          py={6}
        />
      )}
    </>
  );
}
