import { Center, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, type LazyExoticComponent, lazy, Suspense, useEffect, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { LoginPage } from '../auth/LoginPage.tsx';
import { SessionProvider, useSessionQuery } from '../auth/session.tsx';
import { ErrorState, PageLoader } from '../components/states.tsx';
import { InboxPage } from '../inbox/InboxPage.tsx';
import { AppLayout } from '../layout/AppLayout.tsx';
import { RealtimeProvider } from '../realtime/RealtimeProvider.tsx';
import { createQueryClient } from './queryClient.ts';
import { theme } from './theme.ts';

// The conversation page (timeline, composer, Markdown) is a chunk of its own so the inbox paints
// first; it is fetched when the browser is first idle after sign-in, well before a click.
const loadConversationPage = () => import('../conversation/ConversationPage.tsx');
const ConversationPage = lazyPage(loadConversationPage, 'ConversationPage');

// Pages an agent opens now and then load on first use, so the inbox — opened all day — starts fast.
const AgentsPage = lazyPage(() => import('../admin/AgentsPage.tsx'), 'AgentsPage');
const ApiTokensPage = lazyPage(() => import('../admin/ApiTokensPage.tsx'), 'ApiTokensPage');
const SettingsPage = lazyPage(() => import('../admin/SettingsPage.tsx'), 'SettingsPage');
const TeamsPage = lazyPage(() => import('../admin/TeamsPage.tsx'), 'TeamsPage');
const CustomerPage = lazyPage(() => import('../customers/CustomerPage.tsx'), 'CustomerPage');
const CustomersPage = lazyPage(() => import('../customers/CustomersPage.tsx'), 'CustomersPage');
const ProfilePage = lazyPage(() => import('../profile/ProfilePage.tsx'), 'ProfilePage');
const DeskPage = lazyPage(() => import('../walk-in/DeskPage.tsx'), 'DeskPage');
const MailboxesPage = lazyPage(() => import('../mailboxes/MailboxesPage.tsx'), 'MailboxesPage');
const PromisesReportPage = lazyPage(() => import('../eta/PromisesReportPage.tsx'), 'PromisesReportPage');
const SlaPoliciesPage = lazyPage(() => import('../sla/SlaPoliciesPage.tsx'), 'SlaPoliciesPage');
const CalendarsPage = lazyPage(() => import('../sla/CalendarsPage.tsx'), 'CalendarsPage');
const TopicsPage = lazyPage(() => import('../topics/TopicsPage.tsx'), 'TopicsPage');
const WalkInLocationsPage = lazyPage(() => import('../walk-in-admin/LocationsPage.tsx'), 'LocationsPage');
const WalkInLocationPage = lazyPage(() => import('../walk-in-admin/LocationPage.tsx'), 'LocationPage');
const WalkInReportPage = lazyPage(() => import('../walk-in-admin/WalkInReportPage.tsx'), 'WalkInReportPage');
const InvitationPage = lazyPage(() => import('../auth/InvitationPage.tsx'), 'InvitationPage');

function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy<ComponentType>(async () => ({ default: (await load())[name] }));
}

/** A page loaded on demand, with the usual loader while its code arrives. */
function Lazy({ page: Page }: { page: LazyExoticComponent<ComponentType> }) {
  return (
    <Suspense fallback={<PageLoader />}>
      <Page />
    </Suspense>
  );
}

function AuthenticatedApp() {
  const session = useSessionQuery();
  const isSignedIn = Boolean(session.data);
  useEffect(() => {
    if (!isSignedIn) return;
    const idle = requestIdleCallback(() => void loadConversationPage(), { timeout: 3000 });
    return () => cancelIdleCallback(idle);
  }, [isSignedIn]);
  if (session.isPending) {
    return <PageLoader h="100vh" />;
  }
  if (session.isError) {
    return (
      <Center h="100vh" p="md">
        <ErrorState error={session.error} onRetry={() => void session.refetch()} />
      </Center>
    );
  }
  if (!session.data) return <LoginPage />;
  return (
    <SessionProvider agent={session.data.agent}>
      <RealtimeProvider>
        <Routes>
          <Route element={<AppLayout />}>
            <Route index element={<Navigate to="/inbox/mine" replace />} />
            <Route path="login" element={<Navigate to="/inbox/mine" replace />} />
            <Route path="inbox/:view" element={<InboxPage />} />
            <Route path="conversations/:id" element={<Lazy page={ConversationPage} />} />
            <Route path="customers" element={<Lazy page={CustomersPage} />} />
            <Route path="customers/:id" element={<Lazy page={CustomerPage} />} />
            <Route path="admin/agents" element={<Lazy page={AgentsPage} />} />
            <Route path="admin/teams" element={<Lazy page={TeamsPage} />} />
            <Route path="admin/api-tokens" element={<Lazy page={ApiTokensPage} />} />
            <Route path="admin/mailboxes" element={<Lazy page={MailboxesPage} />} />
            <Route path="admin/settings" element={<Lazy page={SettingsPage} />} />
            <Route path="admin/sla-policies" element={<Lazy page={SlaPoliciesPage} />} />
            <Route path="admin/calendars" element={<Lazy page={CalendarsPage} />} />
            <Route path="admin/topics" element={<Lazy page={TopicsPage} />} />
            <Route path="admin/promises" element={<Lazy page={PromisesReportPage} />} />
            <Route path="admin/walk-in" element={<Lazy page={WalkInLocationsPage} />} />
            <Route path="admin/walk-in/:id" element={<Lazy page={WalkInLocationPage} />} />
            <Route path="admin/walk-in-report" element={<Lazy page={WalkInReportPage} />} />
            <Route path="profile" element={<Lazy page={ProfilePage} />} />
            <Route path="walk-in" element={<Lazy page={DeskPage} />} />
            <Route path="*" element={<Navigate to="/inbox/mine" replace />} />
          </Route>
        </Routes>
      </RealtimeProvider>
    </SessionProvider>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routes>
            {/* Whoever holds an invitation link is not signed in yet (or is someone else). */}
            <Route path="invitation/:token" element={<Lazy page={InvitationPage} />} />
            <Route path="*" element={<AuthenticatedApp />} />
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
