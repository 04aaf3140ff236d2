import { NavLink } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { useMailboxText } from './texts.ts';

/** The navigation entry of mailbox administration (shown to admins only). */
export function MailboxNavItem() {
  const { text } = useMailboxText();
  const location = useLocation();
  return (
    <NavLink
      component={RouterNavLink}
      to="/admin/mailboxes"
      label={text('nav')}
      leftSection={<IconMail size={16} />}
      active={location.pathname.startsWith('/admin/mailboxes')}
      py={6}
    />
  );
}
