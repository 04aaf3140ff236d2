import type { Mailbox } from '@frontline/contracts';
import { Badge, Button, Group, Modal, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlugConnected, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useDirectoryNames } from '../api/directory.ts';
import { EmptyState, ErrorState, FormError, PageLoader } from '../components/states.tsx';
import { useFormat } from '../i18n/format.ts';
import { ConnectionTestResult } from './ConnectionTestResult.tsx';
import { MailboxForm } from './MailboxForm.tsx';
import { toCreateBody, toUpdateBody } from './mailbox-form.ts';
import {
  useConnectionTest,
  useCreateMailbox,
  useDeleteMailbox,
  useMailboxes,
  useUpdateMailbox,
} from './mailboxes-api.ts';
import { useMailboxText } from './texts.ts';

/** How inbound mail is doing: last mail, and for IMAP the poller's last pass or failure. */
function MailboxStatus({ mailbox }: { mailbox: Mailbox }) {
  const { text } = useMailboxText();
  const format = useFormat();
  const { status } = mailbox;
  return (
    <Stack gap={2}>
      {!mailbox.isEnabled && (
        <Badge color="gray" variant="light" w="fit-content">
          {text('disabledBadge')}
        </Badge>
      )}
      <Text size="xs">
        {status.lastReceivedAt
          ? text('lastReceived', { time: format.relative(status.lastReceivedAt) })
          : text('nothingReceived')}
      </Text>
      {mailbox.inbound.type === 'imap' && mailbox.isEnabled && (
        <Text size="xs" c="dimmed">
          {status.lastCheckedAt
            ? text('lastChecked', { time: format.relative(status.lastCheckedAt) })
            : text('notCheckedYet')}
        </Text>
      )}
      {mailbox.inbound.type === 'imap' && status.lastError && status.lastErrorAt && (
        <Text size="xs" c="red.8" style={{ overflowWrap: 'anywhere' }}>
          {text('lastError', { time: format.relative(status.lastErrorAt), error: status.lastError })}
        </Text>
      )}
    </Stack>
  );
}

/** Tries a saved mailbox's servers as soon as it opens; "Test again" repeats it. */
function SavedConnectionTest({ mailbox, onClose }: { mailbox: Mailbox; onClose: () => void }) {
  const { text } = useMailboxText();
  const test = useConnectionTest();
  const { mutate } = test;
  useEffect(() => {
    mutate({ mailboxId: mailbox.id });
  }, [mailbox.id, mutate]);
  return (
    <Stack>
      <Text size="sm">{mailbox.address}</Text>
      <ConnectionTestResult isPending={test.isPending} result={test.data} error={test.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {text('close')}
        </Button>
        <Button
          leftSection={<IconPlugConnected size={16} />}
          loading={test.isPending}
          onClick={() => test.mutate({ mailboxId: mailbox.id })}
        >
          {text('testAgain')}
        </Button>
      </Group>
    </Stack>
  );
}

export function MailboxesPage() {
  const { text } = useMailboxText();
  const mailboxes = useMailboxes();
  const { teamName } = useDirectoryNames();
  const create = useCreateMailbox();
  const update = useUpdateMailbox();
  const toggle = useUpdateMailbox();
  const remove = useDeleteMailbox();
  const [editing, setEditing] = useState<Mailbox | 'new' | null>(null);
  const [testing, setTesting] = useState<Mailbox | null>(null);
  const [deleting, setDeleting] = useState<Mailbox | null>(null);

  const closeForm = () => {
    setEditing(null);
    create.reset();
    update.reset();
  };
  const saved = () => {
    notifications.show({ color: 'teal', message: text('saved') });
    closeForm();
  };

  return (
    <Stack p="md">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {text('title')}
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {text('new')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" maw={760}>
        {text('intro')}
      </Text>
      <FormError error={toggle.error} />
      {mailboxes.isPending ? (
        <PageLoader />
      ) : mailboxes.isError ? (
        <ErrorState error={mailboxes.error} onRetry={() => void mailboxes.refetch()} />
      ) : mailboxes.data.length === 0 ? (
        <EmptyState title={text('empty')} description={text('emptyHint')} />
      ) : (
        <Table highlightOnHover data-testid="mailbox-list" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{text('columnMailbox')}</Table.Th>
              <Table.Th>{text('columnTeam')}</Table.Th>
              <Table.Th>{text('columnInbound')}</Table.Th>
              <Table.Th>{text('columnStatus')}</Table.Th>
              <Table.Th>{text('columnEnabled')}</Table.Th>
              <Table.Th>{text('columnActions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mailboxes.data.map((mailbox) => (
              <Table.Tr key={mailbox.id} data-testid={`mailbox-${mailbox.address}`}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {mailbox.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {mailbox.address}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{teamName(mailbox.teamId) ?? text('noTeam')}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {mailbox.inbound.type === 'imap' ? text('imap') : text('smtpListener')}
                  </Text>
                  {mailbox.inbound.type === 'imap' && (
                    <Text size="xs" c="dimmed">
                      {mailbox.inbound.user}@{mailbox.inbound.host}:{mailbox.inbound.port}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td maw={320}>
                  <MailboxStatus mailbox={mailbox} />
                </Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={text('enableMailbox', { name: mailbox.name })}
                    checked={mailbox.isEnabled}
                    disabled={toggle.isPending && toggle.variables?.id === mailbox.id}
                    onChange={(event) =>
                      toggle.mutate({ id: mailbox.id, changes: { isEnabled: event.currentTarget.checked } })
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <Group
                    gap={4}
                    wrap="nowrap"
                    aria-label={text('actionsFor', { name: mailbox.name })}
                    role="group"
                  >
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={<IconPencil size={14} />}
                      onClick={() => setEditing(mailbox)}
                    >
                      {text('editAction')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={<IconPlugConnected size={14} />}
                      onClick={() => setTesting(mailbox)}
                    >
                      {text('testAction')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={14} />}
                      onClick={() => setDeleting(mailbox)}
                    >
                      {text('deleteAction')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Modal
        closeButtonProps={{ 'aria-label': text('close') }}
        opened={editing !== null}
        onClose={closeForm}
        title={editing === 'new' ? text('new') : text('edit')}
        size="xl"
      >
        {editing !== null && (
          <MailboxForm
            mailbox={editing === 'new' ? undefined : editing}
            error={editing === 'new' ? create.error : update.error}
            isSaving={create.isPending || update.isPending}
            onCancel={closeForm}
            onSubmit={(values) => {
              if (editing === 'new') create.mutate(toCreateBody(values), { onSuccess: saved });
              else
                update.mutate(
                  { id: editing.id, changes: toUpdateBody(values, editing) },
                  { onSuccess: saved },
                );
            }}
          />
        )}
      </Modal>

      <Modal
        closeButtonProps={{ 'aria-label': text('close') }}
        opened={testing !== null}
        onClose={() => setTesting(null)}
        title={testing ? text('testTitle', { name: testing.name }) : ''}
        size="lg"
      >
        {testing && (
          <SavedConnectionTest key={testing.id} mailbox={testing} onClose={() => setTesting(null)} />
        )}
      </Modal>

      <Modal
        closeButtonProps={{ 'aria-label': text('close') }}
        opened={deleting !== null}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        title={text('deleteTitle')}
      >
        {deleting && (
          <Stack>
            <Text size="sm">{text('deleteConfirm', { name: deleting.name, address: deleting.address })}</Text>
            <FormError error={remove.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)}>
                {text('cancel')}
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() => remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
              >
                {text('deleteButton')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
