import type { DeskState, WalkInLocation } from '@frontline/contracts';
import { Button, Card, Checkbox, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { isAdmin, isSupervisor, useSession } from '../auth/session.tsx';
import { ErrorState, PageLoader } from '../components/states.tsx';
import { CurrentVisit } from './CurrentVisit.tsx';
import { useDeskAction, useLineUpdates, useLocations, useMyDesk, useSignIn } from './desk-api.ts';
import { RemoteJoinSettings } from './RemoteJoinSettings.tsx';
import { useWalkInText } from './texts.ts';
import { WaitingLine } from './WaitingLine.tsx';

/** Picking a desk and the services to serve there, before the agent starts calling. */
function DeskSignIn({ locations }: { locations: WalkInLocation[] }) {
  const { text, language } = useWalkInText();
  const { agent } = useSession();
  const signIn = useSignIn();
  const [locationId, setLocationId] = useState(locations[0]!.id);
  const location = locations.find((candidate) => candidate.id === locationId) ?? locations[0]!;
  const [deskId, setDeskId] = useState<string | null>(location.desks[0]?.id ?? null);
  const mayServe = location.services.filter(
    (service) => service.isActive && (isSupervisor(agent) || service.agentIds.includes(agent.id)),
  );
  const [serviceIds, setServiceIds] = useState<string[]>(mayServe.map((service) => service.id));

  return (
    <Card withBorder padding="lg" radius="md" maw={640}>
      <Stack>
        {locations.length > 1 && (
          <Select
            label={text('location')}
            value={locationId}
            allowDeselect={false}
            onChange={(value) => value && setLocationId(value)}
            data={locations.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          />
        )}
        <Select
          label={text('desk')}
          value={deskId}
          onChange={setDeskId}
          data={location.desks.map((desk) => ({ value: desk.id, label: desk.name }))}
        />
        <Checkbox.Group label={text('services')} value={serviceIds} onChange={setServiceIds}>
          <Stack gap={6} mt={6}>
            {mayServe.map((service) => (
              <Checkbox
                key={service.id}
                value={service.id}
                label={`${service.prefix} · ${service.names[language] ?? service.names.en}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Button
          disabled={!deskId || serviceIds.length === 0}
          loading={signIn.isPending}
          onClick={() => deskId && signIn.mutate({ deskId, serviceIds })}
          w="fit-content"
        >
          {text('signIn')}
        </Button>
        {signIn.error && (
          <Text c="red" role="alert">
            {signIn.error.message}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function AtDesk({ desk, location }: { desk: DeskState; location: WalkInLocation }) {
  const { text, language } = useWalkInText();
  const deskAction = useDeskAction();
  useLineUpdates(location.id);
  const servedNames = location.services
    .filter((service) => desk.serviceIds.includes(service.id))
    .map((service) => service.names[language] ?? service.names.en);
  const callNext = () => deskAction.mutate({ deskId: desk.deskId, action: 'call-next' });
  const isIdle = !desk.current;
  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Text fw={600}>{text('signedInAt', { desk: desk.deskName })}</Text>
          <Text size="sm" c="dimmed">
            {location.name} · {servedNames.join(', ')}
          </Text>
        </div>
        <Button
          variant="default"
          onClick={() => deskAction.mutate({ deskId: desk.deskId, action: 'sign-out' })}
        >
          {text('signOut')}
        </Button>
      </Group>
      {isIdle ? (
        <Card withBorder padding="lg" radius="md">
          <Group>
            <Button size="xl" onClick={callNext} loading={deskAction.isPending} data-testid="call-next">
              {text('callNext')}
            </Button>
            {deskAction.isSuccess && !deskAction.data.current && (
              <Text c="dimmed">{text('nobodyWaiting')}</Text>
            )}
          </Group>
        </Card>
      ) : (
        <CurrentVisit desk={desk} location={location} />
      )}
      <WaitingLine location={location} />
    </Stack>
  );
}

/** The desk console: sign in at a desk, call the next customer, serve, finish or transfer. */
export function DeskPage() {
  const { text } = useWalkInText();
  const { agent } = useSession();
  const locations = useLocations();
  const myDesk = useMyDesk();
  if (locations.isPending || myDesk.isPending) return <PageLoader />;
  if (locations.isError)
    return <ErrorState error={locations.error} onRetry={() => void locations.refetch()} />;
  if (myDesk.isError) return <ErrorState error={myDesk.error} onRetry={() => void myDesk.refetch()} />;
  const desk = myDesk.data.desk;
  const location = desk
    ? locations.data.items.find((candidate) => candidate.desks.some((item) => item.id === desk.deskId))
    : undefined;
  return (
    <Stack p="lg" gap="lg" maw={1100}>
      <Title order={2}>{text('title')}</Title>
      {locations.data.items.length === 0 ? (
        <Text c="dimmed">{text('noLocations')}</Text>
      ) : desk && location ? (
        <AtDesk desk={desk} location={location} />
      ) : (
        <DeskSignIn locations={locations.data.items} />
      )}
      {isAdmin(agent) && locations.data.items.length > 0 && (
        <RemoteJoinSettings locations={locations.data.items} />
      )}
    </Stack>
  );
}
