import { NavLink } from '@mantine/core';
import { IconClockCheck } from '@tabler/icons-react';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { isSupervisor, useSession } from '../auth/session.tsx';
import { useEtaText } from './texts.ts';

/** The navigation entry of the promises report, for supervisors and admins. */
export function PromisesNavItem() {
  const { text } = useEtaText();
  const { agent } = useSession();
  const location = useLocation();
  if (!isSupervisor(agent)) return null;
  return (
    <NavLink
      component={RouterNavLink}
      to="/admin/promises"
      label={text('nav')}
      leftSection={<IconClockCheck size={16} />}
      active={location.pathname.startsWith('/admin/promises')}
      py={6}
    />
  );
}
