import type { DeskState, FinishVisitBody, WalkInLocation } from '@frontline/contracts';
import { Badge, Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useFinishVisit, useTransferVisit, useVisitAction } from './desk-api.ts';
import { useWalkInText } from './texts.ts';
import { VisitCustomer } from './VisitCustomer.tsx';
import { VisitNotices } from './VisitNotices.tsx';

const outcomes: FinishVisitBody['outcome'][] = ['resolved', 'follow_up', 'referred', 'not_resolved'];

/** The visit called to or served at the agent's desk, with everything the agent does to it. */
export function CurrentVisit({ desk, location }: { desk: DeskState; location: WalkInLocation }) {
  const { text, language } = useWalkInText();
  const visit = desk.current!;
  const visitAction = useVisitAction();
  const finish = useFinishVisit();
  const transfer = useTransferVisit();
  const [outcome, setOutcome] = useState<FinishVisitBody['outcome']>('resolved');
  const [note, setNote] = useState('');
  const [transferService, setTransferService] = useState<string | null>(null);
  const [transferDesk, setTransferDesk] = useState<string | null>(null);
  const service = location.services.find((candidate) => candidate.id === visit.serviceId);
  const error = visitAction.error ?? finish.error ?? transfer.error;

  return (
    <Card withBorder padding="lg" radius="md" data-testid="current-visit">
      <Stack gap="sm">
        <Text size="sm" c="dimmed" fw={600} tt="uppercase">
          {text('current')}
        </Text>
        <Group align="baseline" gap="md">
          <Title order={2} style={{ fontSize: 44 }} data-testid="current-ticket">
            {visit.ticket}
          </Title>
          <Badge size="lg" color={visit.status === 'serving' ? 'green' : 'yellow'}>
            {text(visit.status === 'serving' ? 'serving' : 'called')}
          </Badge>
          {visit.isPriority && <Badge color="grape">{text('priority')}</Badge>}
        </Group>
        <Text fw={500}>
          {service ? (service.names[language] ?? service.names.en) : ''} · {visit.customerName}
        </Text>
        <VisitNotices visit={visit} />
        <Button
          component={Link}
          to={`/conversations/${visit.conversationId}`}
          variant="subtle"
          w="fit-content"
          px={0}
        >
          {text('openConversation')}
        </Button>
        <VisitCustomer visit={visit} />
        <Group gap="xs">
          {visit.status === 'called' && (
            <>
              <Button onClick={() => visitAction.mutate({ visitId: visit.id, action: 'start' })}>
                {text('start')}
              </Button>
              <Button
                variant="default"
                onClick={() => visitAction.mutate({ visitId: visit.id, action: 'recall' })}
              >
                {text('recall')}
              </Button>
              <Button
                variant="default"
                color="red"
                onClick={() => visitAction.mutate({ visitId: visit.id, action: 'no-show' })}
              >
                {text('noShow')}
              </Button>
            </>
          )}
        </Group>
        {error && (
          <Text c="red" size="sm" role="alert">
            {error instanceof ApiError && error.code === 'walk_in.grace_not_over'
              ? text('graceNotOver')
              : error.message}
          </Text>
        )}
        <Group align="flex-end" gap="sm">
          <Select
            label={text('outcome')}
            value={outcome}
            onChange={(value) => value && setOutcome(value as FinishVisitBody['outcome'])}
            data={outcomes.map((value) => ({ value, label: text(value) }))}
            allowDeselect={false}
            w={220}
          />
          <Textarea
            label={text('note')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            autosize
            minRows={1}
            style={{ flex: 1 }}
          />
          <Button
            color="green"
            loading={finish.isPending}
            onClick={() => finish.mutate({ visitId: visit.id, body: { outcome, note } })}
          >
            {text('finish')}
          </Button>
        </Group>
        <Group align="flex-end" gap="sm">
          <Select
            label={text('transferTo')}
            value={transferService}
            onChange={setTransferService}
            clearable
            data={location.services
              .filter((candidate) => candidate.isActive)
              .map((candidate) => ({
                value: candidate.id,
                label: candidate.names[language] ?? candidate.names.en,
              }))}
            w={240}
          />
          <Select
            label={text('transferDesk')}
            value={transferDesk}
            onChange={setTransferDesk}
            clearable
            data={location.desks
              .filter((candidate) => candidate.id !== desk.deskId)
              .map((candidate) => ({ value: candidate.id, label: candidate.name }))}
            w={180}
          />
          <Button
            variant="default"
            disabled={!transferService && !transferDesk}
            onClick={() =>
              transfer.mutate({
                visitId: visit.id,
                body: { serviceId: transferService ?? undefined, deskId: transferDesk ?? undefined },
              })
            }
          >
            {text('transfer')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
