import {
  ActionIcon,
  AppShell,
  Avatar,
  Badge,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Text,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import {
  IconAddressBook,
  IconFilter,
  IconKey,
  IconKeyboard,
  IconLogout,
  IconSearch,
  IconSettings,
  IconUser,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, NavLink as RouterNavLink, useLocation, useNavigate } from 'react-router';
import { useConversationCounts } from '../api/conversations.ts';
import { isAdmin, isSupervisor, useSession } from '../auth/session.tsx';
import { AvailabilityMenu } from '../chat/AvailabilityMenu.tsx';
import { PromisesNavItem } from '../eta/PromisesNavItem.tsx';
import { useFormat } from '../i18n/format.ts';
import { useInboxText } from '../inbox/texts.ts';
import { useBuiltInViewLabel } from '../inbox/view-label.ts';
import { builtInViews, useCustomViewCounts, useCustomViews } from '../inbox/views.ts';
import { MailboxNavItem } from '../mailboxes/MailboxNavItem.tsx';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { SlaNavItems } from '../sla/SlaNavItems.tsx';
import { TopicsNavItem } from '../topics/TopicsNavItem.tsx';
import { WalkInNavItem } from '../walk-in/WalkInNavItem.tsx';
import { WalkInAdminNavItems } from '../walk-in-admin/WalkInAdminNavItems.tsx';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';

function NavItem({
  to,
  label,
  icon,
  badge,
}: {
  to: string;
  label: string;
  icon?: React.ReactNode;
  badge?: React.ReactNode;
}) {
  const location = useLocation();
  return (
    <NavLink
      component={RouterNavLink}
      to={to}
      label={label}
      leftSection={icon}
      rightSection={badge}
      active={location.pathname === to || location.pathname.startsWith(`${to}/`)}
      py={6}
    />
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const viewLabel = useBuiltInViewLabel();
  const format = useFormat();
  const { agent, logOut } = useSession();
  const navigate = useNavigate();
  const [isNavOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure();
  const [isHelpOpen, help] = useDisclosure();
  const [search, setSearch] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const counts = useConversationCounts();
  const { views: customViews } = useCustomViews(agent.id);
  const customCounts = useCustomViewCounts();
  const { text: inboxText } = useInboxText();

  useHotkeys([
    ['/', () => searchRef.current?.focus()],
    ['shift+?', help.open],
    ['?', help.open],
  ]);

  const submitSearch = (event: React.FormEvent) => {
    event.preventDefault();
    const text = search.trim();
    navigate(text ? `/inbox/search?text=${encodeURIComponent(text)}` : '/inbox/all-open');
    searchRef.current?.blur();
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
      padding={0}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={isNavOpen}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
            />
            <Title order={3} c="indigo.7" style={{ letterSpacing: -0.5 }}>
              Frontline
            </Title>
          </Group>
          <form onSubmit={submitSearch} style={{ flex: 1, maxWidth: 480 }}>
            <TextInput
              ref={searchRef}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') event.currentTarget.blur();
              }}
              placeholder={t('nav.searchPlaceholder')}
              aria-label={t('nav.search')}
              leftSection={<IconSearch size={16} />}
              rightSection={
                <Text size="xs" c="dimmed">
                  /
                </Text>
              }
            />
          </form>
          <Group gap="xs" wrap="nowrap">
            <AvailabilityMenu />
            <NotificationBell />
            <Tooltip label={t('shortcuts.title')}>
              <ActionIcon variant="subtle" color="gray" onClick={help.open} aria-label={t('shortcuts.title')}>
                <IconKeyboard size={20} />
              </ActionIcon>
            </Tooltip>
            <Menu position="bottom-end" width={220}>
              <Menu.Target>
                <UnstyledButton data-testid="account-menu">
                  <Group gap={8} wrap="nowrap">
                    <Avatar size="sm" color="indigo" name={agent.name} aria-hidden />
                    <Text size="sm" fw={500} visibleFrom="md">
                      {agent.name}
                    </Text>
                    {/* The name is the button's visible label; this tells a screen reader what it opens. */}
                    <VisuallyHidden>{t('nav.accountMenu')}</VisuallyHidden>
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  {agent.email} · {t(`roles.${agent.role}`)}
                </Menu.Label>
                <Menu.Item leftSection={<IconUser size={16} />} onClick={() => navigate('/profile')}>
                  {t('nav.profile')}
                </Menu.Item>
                <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void logOut()}>
                  {t('nav.logOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" onClick={closeNav}>
        <AppShell.Section grow component={ScrollArea}>
          <Text size="xs" fw={700} c="gray.7" tt="uppercase" px="sm" pt="xs" pb={4}>
            {t('nav.inbox')}
          </Text>
          {builtInViews.map((view) => {
            const count = counts.data?.[view.countKey];
            return (
              <NavItem
                key={view.id}
                to={`/inbox/${view.id}`}
                label={viewLabel(view)}
                badge={
                  count === undefined ? null : (
                    <Badge
                      size="sm"
                      variant={count > 0 ? 'light' : 'transparent'}
                      color="gray"
                      data-testid={`count-${view.id}`}
                    >
                      {format.number(count)}
                    </Badge>
                  )
                }
              />
            );
          })}
          {customViews.map((view) => {
            const counted = customCounts.data?.byId.get(view.id);
            return (
              <NavItem
                key={view.id}
                to={`/inbox/custom-${view.id}`}
                label={
                  view.isOwn
                    ? view.name
                    : `${view.name} · ${inboxText('sharedBy', { name: view.owner.name })}`
                }
                icon={view.teamId ? <IconUsersGroup size={16} /> : <IconFilter size={16} />}
                badge={
                  counted && (
                    <Badge
                      size="sm"
                      variant={counted.count > 0 ? 'light' : 'transparent'}
                      color="gray"
                      title={
                        counted.isCapped
                          ? inboxText('moreThan', { count: customCounts.data?.countLimit ?? 0 })
                          : undefined
                      }
                      data-testid={`count-custom-${view.id}`}
                    >
                      {format.number(counted.count)}
                      {counted.isCapped ? '+' : ''}
                    </Badge>
                  )
                }
              />
            );
          })}
          <Text size="xs" fw={700} c="gray.7" tt="uppercase" px="sm" pt="md" pb={4}>
            {t('nav.directory')}
          </Text>
          <NavItem to="/customers" label={t('nav.customers')} icon={<IconAddressBook size={16} />} />
          <WalkInNavItem />
          <Text size="xs" fw={700} c="gray.7" tt="uppercase" px="sm" pt="md" pb={4}>
            {t('nav.administration')}
          </Text>
          {isAdmin(agent) && (
            <NavItem to="/admin/agents" label={t('nav.agents')} icon={<IconUsers size={16} />} />
          )}
          {isSupervisor(agent) && (
            <NavItem to="/admin/teams" label={t('nav.teams')} icon={<IconUsersGroup size={16} />} />
          )}
          {isAdmin(agent) && <MailboxNavItem />}
          {isAdmin(agent) && <SlaNavItems />}
          {isAdmin(agent) && <TopicsNavItem />}
          <PromisesNavItem />
          <WalkInAdminNavItems />
          <NavItem to="/admin/api-tokens" label={t('nav.apiTokens')} icon={<IconKey size={16} />} />
          {isAdmin(agent) && (
            <NavItem to="/admin/settings" label={t('nav.settings')} icon={<IconSettings size={16} />} />
          )}
          <NavItem to="/profile" label={t('nav.profile')} icon={<IconUser size={16} />} />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <ConnectionBanner />
        <Outlet />
      </AppShell.Main>
      <ShortcutHelp opened={isHelpOpen} onClose={help.close} />
    </AppShell>
  );
}
