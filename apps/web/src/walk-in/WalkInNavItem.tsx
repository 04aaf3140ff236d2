import { NavLink } from '@mantine/core';
import { IconTicket } from '@tabler/icons-react';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { useWalkInText } from './texts.ts';

/** The navigation entry of the desk console. */
export function WalkInNavItem() {
  const { text } = useWalkInText();
  const location = useLocation();
  return (
    <NavLink
      component={RouterNavLink}
      to="/walk-in"
      label={text('nav')}
      leftSection={<IconTicket size={16} />}
      active={location.pathname.startsWith('/walk-in')}
      py={6}
    />
  );
}
