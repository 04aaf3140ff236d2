import { NavLink } from '@mantine/core';
import { IconTags } from '@tabler/icons-react';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { useTopicText } from './texts.ts';

/** The administration entry of topics (admins only; the layout decides). */
export function TopicsNavItem() {
  const { text } = useTopicText();
  const location = useLocation();
  return (
    <NavLink
      component={RouterNavLink}
      to="/admin/topics"
      label={text('nav')}
      leftSection={<IconTags size={16} />}
      active={location.pathname.startsWith('/admin/topics')}
      py={6}
    />
  );
}
