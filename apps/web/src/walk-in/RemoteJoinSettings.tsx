import type { WalkInLocation } from '@frontline/contracts';
import { Anchor, Button, Card, Group, NumberInput, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useNoticeText } from './notice-texts.ts';

/** One location's remote join switch and "your turn is near" thresholds (admins). */
function LocationSettings({ location }: { location: WalkInLocation }) {
  const text = useNoticeText();
  const client = useQueryClient();
  const [allowsRemoteJoin, setAllowsRemoteJoin] = useState(location.allowsRemoteJoin);
  const [nearTurnPosition, setNearTurnPosition] = useState(location.rules.nearTurnPosition);
  const [nearTurnMinutes, setNearTurnMinutes] = useState(location.rules.nearTurnMinutes);
  const save = useMutation({
    mutationFn: () =>
      api.patch<WalkInLocation>(`/api/v1/walk-in/locations/${location.id}`, {
        allowsRemoteJoin,
        rules: { ...location.rules, nearTurnPosition, nearTurnMinutes },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['walk-in'] }),
  });
  const joinUrl = `${window.location.origin}/join/${location.id}`;
  return (
    <Stack gap="xs" data-testid={`remote-join-${location.id}`}>
      <Text fw={600}>{location.name}</Text>
      <Switch
        label={text('allowsRemoteJoin')}
        checked={allowsRemoteJoin}
        onChange={(event) => setAllowsRemoteJoin(event.currentTarget.checked)}
      />
      {allowsRemoteJoin && (
        <Text size="sm">
          {text('joinPage')}:{' '}
          <Anchor href={joinUrl} target="_blank" rel="noreferrer">
            {joinUrl}
          </Anchor>
        </Text>
      )}
      <Group align="flex-end" gap="sm">
        <NumberInput
          label={text('nearTurnPosition')}
          min={0}
          max={50}
          value={nearTurnPosition}
          onChange={(value) => setNearTurnPosition(typeof value === 'number' ? value : 0)}
          w={300}
        />
        <NumberInput
          label={text('nearTurnMinutes')}
          min={0}
          max={120}
          value={nearTurnMinutes}
          onChange={(value) => setNearTurnMinutes(typeof value === 'number' ? value : 0)}
          w={300}
        />
        <Button loading={save.isPending} onClick={() => save.mutate()}>
          {text('save')}
        </Button>
        {save.isSuccess && !save.isPending && (
          <Text size="sm" c="teal" role="status">
            {text('saved')}
          </Text>
        )}
      </Group>
      {save.error && (
        <Text c="red" size="sm" role="alert">
          {save.error.message}
        </Text>
      )}
    </Stack>
  );
}

/** Admins decide per location whether people may join remotely and when they are told. */
export function RemoteJoinSettings({ locations }: { locations: WalkInLocation[] }) {
  const text = useNoticeText();
  return (
    <Card withBorder padding="lg" radius="md">
      <Title order={3} size="h4" mb="sm">
        {text('settingsTitle')}
      </Title>
      <Stack gap="lg">
        {locations.map((location) => (
          <LocationSettings key={location.id} location={location} />
        ))}
      </Stack>
    </Card>
  );
}
