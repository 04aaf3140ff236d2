import { NavLink } from '@mantine/core';
import { IconCalendarTime, IconClockExclamation } from '@tabler/icons-react';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { useSlaText } from './texts.ts';

/** The administration entries of the SLA feature: policies and business-hours calendars. */
export function SlaNavItems() {
  const { text } = useSlaText();
  const location = useLocation();
  return (
    <>
      <NavLink
        component={RouterNavLink}
        to="/admin/sla-policies"
        label={text('navPolicies')}
        leftSection={<IconClockExclamation size={16} />}
        active={location.pathname.startsWith('/admin/sla-policies')}
        py={6}
      />
      <NavLink
        component={RouterNavLink}
        to="/admin/calendars"
        label={text('navCalendars')}
        leftSection={<IconCalendarTime size={16} />}
        active={location.pathname.startsWith('/admin/calendars')}
        py={6}
      />
    </>
  );
}
