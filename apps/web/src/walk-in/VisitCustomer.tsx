import type { Customer, WalkInVisit } from '@frontline/contracts';
import { Button, Divider, Group, Modal, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useCreateCustomer, useCustomerSearch } from '../api/customers.ts';
import { CustomerHistory } from '../customers/CustomerHistory.tsx';
import { useCustomerText } from './customer-texts.ts';
import { useAttachVisitCustomer, useOpenFollowUp } from './desk-api.ts';

const describeIdentities = (customer: Customer) =>
  customer.identities.map((identity) => identity.value).join(' · ');

function errorText(error: unknown, text: ReturnType<typeof useCustomerText>) {
  if (error instanceof ApiError && error.code === 'customers.identity_taken') return text('identityTaken');
  return error instanceof Error ? error.message : String(error);
}

/** Looks up a customer by name, email or phone, or creates one inline, and attaches them to the visit. */
function FindOrCreateCustomer({ visit, onDone }: { visit: WalkInVisit; onDone: () => void }) {
  const text = useCustomerText();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);
  const search = useCustomerSearch(debounced);
  const attach = useAttachVisitCustomer();
  const create = useCreateCustomer();
  const [draft, setDraft] = useState({ name: '', email: '', phone: '' });
  const [isCreating, setCreating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const matches =
    debounced.trim().length >= 2 ? (search.data?.pages.flatMap((page) => page.items) ?? []) : [];

  const attachCustomer = async (customerId: string) => {
    setProblem(null);
    try {
      await attach.mutateAsync({ visitId: visit.id, customerId });
      onDone();
    } catch (error) {
      setProblem(errorText(error, text));
    }
  };
  const createAndAttach = async (event: FormEvent) => {
    event.preventDefault();
    const body = { name: draft.name.trim(), email: draft.email.trim(), phone: draft.phone.trim() };
    if (!body.name && !body.email && !body.phone) return setProblem(text('needName'));
    setProblem(null);
    try {
      const customer = await create.mutateAsync({
        name: body.name,
        ...(body.email ? { email: body.email } : {}),
        ...(body.phone ? { phone: body.phone } : {}),
        identities: [],
        notes: '',
      });
      await attachCustomer(customer.id);
    } catch (error) {
      setProblem(errorText(error, text));
    }
  };

  return (
    <Stack gap="xs" data-testid="find-customer">
      <TextInput
        label={text('find')}
        placeholder={text('findHint')}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        data-autofocus
      />
      {debounced.trim().length >= 2 && search.isSuccess && matches.length === 0 && (
        <Text size="sm" c="dimmed">
          {text('noMatches')}
        </Text>
      )}
      {matches.map((customer) => (
        <Paper key={customer.id} withBorder p={8} data-testid="customer-match">
          <Group justify="space-between" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} truncate>
                {customer.name || '—'}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {describeIdentities(customer)}
              </Text>
            </div>
            <Button
              size="xs"
              aria-label={`${text('attach')}: ${customer.name}`}
              loading={attach.isPending && attach.variables?.customerId === customer.id}
              onClick={() => void attachCustomer(customer.id)}
            >
              {text('attach')}
            </Button>
          </Group>
        </Paper>
      ))}
      {isCreating ? (
        <form onSubmit={createAndAttach}>
          <Stack gap="xs">
            <Divider label={text('newCustomer')} labelPosition="left" />
            <Group grow align="flex-start">
              <TextInput
                label={text('name')}
                value={draft.name}
                onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
              />
              <TextInput
                label={text('email')}
                type="email"
                value={draft.email}
                onChange={(event) => setDraft({ ...draft, email: event.currentTarget.value })}
              />
              <TextInput
                label={text('phone')}
                type="tel"
                value={draft.phone}
                onChange={(event) => setDraft({ ...draft, phone: event.currentTarget.value })}
              />
            </Group>
            <Group gap="xs">
              <Button type="submit" loading={create.isPending || attach.isPending}>
                {text('createAndAttach')}
              </Button>
              <Button variant="default" onClick={() => setCreating(false)}>
                {text('cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Group gap="xs">
          <Button
            variant="light"
            onClick={() => {
              setCreating(true);
              // What was typed into the search is usually the new customer's name, email or phone.
              const typed = query.trim();
              if (typed.includes('@')) setDraft({ ...draft, email: typed });
              else if (/^\+?[\d\s()-]{6,}$/.test(typed)) setDraft({ ...draft, phone: typed });
              else setDraft({ ...draft, name: typed });
            }}
          >
            {text('newCustomer')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {text('cancel')}
          </Button>
        </Group>
      )}
      {problem && (
        <Text c="red" size="sm" role="alert">
          {problem}
        </Text>
      )}
    </Stack>
  );
}

/** A follow-up conversation of the visit's customer, linked to the visit; opens it when made. */
function FollowUpDialog({ visit, onClose }: { visit: WalkInVisit; onClose: () => void }) {
  const text = useCustomerText();
  const navigate = useNavigate();
  const openFollowUp = useOpenFollowUp();
  const [subject, setSubject] = useState('');
  const [note, setNote] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const followUp = await openFollowUp.mutateAsync({
      visitId: visit.id,
      body: { subject: subject.trim(), note: note.trim() },
    });
    navigate(`/conversations/${followUp.id}`);
  };
  return (
    <Modal opened onClose={onClose} title={text('followUpTitle')}>
      <form onSubmit={(event) => void submit(event).catch(() => undefined)}>
        <Stack gap="sm">
          <TextInput
            label={text('subject')}
            required
            value={subject}
            onChange={(event) => setSubject(event.currentTarget.value)}
            data-autofocus
          />
          <Textarea
            label={text('firstNote')}
            required
            autosize
            minRows={3}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          {openFollowUp.error && (
            <Text c="red" size="sm" role="alert">
              {openFollowUp.error.message}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {text('cancel')}
            </Button>
            <Button type="submit" loading={openFollowUp.isPending} disabled={!subject.trim() || !note.trim()}>
              {text('open')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The visit's customer at the desk: who they are, their history, and a follow-up from the visit. */
export function VisitCustomer({ visit }: { visit: WalkInVisit }) {
  const text = useCustomerText();
  const [isFinding, setFinding] = useState(false);
  const [isFollowingUp, setFollowingUp] = useState(false);
  return (
    <Paper withBorder p="md" radius="md" data-testid="visit-customer">
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Text size="sm" c="dimmed" fw={600} tt="uppercase">
              {text('customer')}
            </Text>
            <Text fw={600} data-testid="visit-customer-name">
              {visit.customerName}
            </Text>
          </div>
          <Group gap="xs">
            {!isFinding && (
              <Button variant="default" onClick={() => setFinding(true)}>
                {text('change')}
              </Button>
            )}
            <Button variant="light" onClick={() => setFollowingUp(true)}>
              {text('followUp')}
            </Button>
          </Group>
        </Group>
        {isFinding && <FindOrCreateCustomer visit={visit} onDone={() => setFinding(false)} />}
        <Text size="sm" fw={600}>
          {text('history')}
        </Text>
        <CustomerHistory customerId={visit.customerId} currentId={visit.conversationId} />
      </Stack>
      {isFollowingUp && <FollowUpDialog visit={visit} onClose={() => setFollowingUp(false)} />}
    </Paper>
  );
}
