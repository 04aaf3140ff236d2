import type { ConversationDetail, ConversationStatus } from '@frontline/contracts';
import {
  ActionIcon,
  Button,
  Group,
  Menu,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { IconChevronDown, IconLock, IconSend } from '@tabler/icons-react';
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePostMessage } from '../api/conversations.ts';
import { useDirectoryNames } from '../api/directory.ts';
import { useSession } from '../auth/session.tsx';
import { type ComposerMode, useDraft } from './draft.ts';

const statusesAfterSending: ConversationStatus[] = ['open', 'pending', 'on_hold', 'solved'];

export type ComposerHandle = { focus: (mode: ComposerMode) => void };

type Props = {
  conversation: ConversationDetail;
  /** When the agent opened the conversation: replies by others after this trigger a warning. */
  openedAt: string;
  onTyping: () => void;
};

export const Composer = forwardRef<ComposerHandle, Props>(function Composer(
  { conversation, openedAt, onTyping },
  ref,
) {
  const { t } = useTranslation();
  const { agent } = useSession();
  const names = useDirectoryNames();
  const { draft, setBody, setMode, clear } = useDraft(conversation.id);
  const post = usePostMessage();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [pendingStatus, setPendingStatus] = useState<ConversationStatus | undefined | null>(null);

  useImperativeHandle(ref, () => ({
    focus: (mode) => {
      setMode(mode);
      textarea.current?.focus();
    },
  }));

  const isNote = draft.mode === 'note';
  const isClosed = conversation.status === 'closed' || conversation.status === 'merged';
  const replyBySomeoneElse = conversation.messages.find(
    (message) =>
      message.authorType === 'agent' &&
      message.visibility === 'public' &&
      message.authorAgentId !== agent.id &&
      message.createdAt > openedAt,
  );

  const send = (status: ConversationStatus | undefined) => {
    const body = draft.body.trim();
    if (!body || post.isPending) return;
    post.mutate(
      {
        id: conversation.id,
        body,
        visibility: isNote ? 'internal' : 'public',
        status,
        idempotencyKey: draft.key,
      },
      { onSuccess: clear },
    );
  };
  const requestSend = (status?: ConversationStatus) => {
    if (!draft.body.trim()) return;
    // Two agents answering the same customer at once is what collision warnings exist to stop.
    if (!isNote && replyBySomeoneElse) setPendingStatus(status);
    else send(status);
  };

  return (
    <Paper withBorder p="sm" className={isNote ? 'frontline-note' : undefined} data-testid="composer">
      <Stack gap="xs">
        <Group justify="space-between">
          <SegmentedControl
            size="xs"
            value={draft.mode}
            onChange={(mode) => setMode(mode as ComposerMode)}
            data={[
              { value: 'reply', label: t('composer.reply') },
              { value: 'note', label: t('composer.note') },
            ]}
          />
          {isNote && (
            <Group gap={4}>
              <IconLock size={14} />
              <Text size="xs" c="dimmed">
                {t('composer.noteHint')}
              </Text>
            </Group>
          )}
        </Group>
        <Textarea
          ref={textarea}
          aria-label={isNote ? t('composer.note') : t('composer.reply')}
          placeholder={isNote ? t('composer.notePlaceholder') : t('composer.replyPlaceholder')}
          autosize
          minRows={3}
          maxRows={14}
          disabled={isClosed}
          value={draft.body}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            onTyping();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              requestSend();
            }
            if (event.key === 'Escape') event.currentTarget.blur();
          }}
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {draft.body ? t('composer.draftSaved') : t('composer.sendHint')}
          </Text>
          <Group gap={0} wrap="nowrap">
            <Button
              leftSection={<IconSend size={16} />}
              onClick={() => requestSend()}
              loading={post.isPending}
              disabled={!draft.body.trim() || isClosed}
              color={isNote ? 'yellow.7' : undefined}
              style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
            >
              {isNote ? t('composer.addNote') : t('composer.send')}
            </Button>
            <Menu position="top-end">
              <Menu.Target>
                <ActionIcon
                  size={36}
                  variant="filled"
                  color={isNote ? 'yellow.7' : undefined}
                  disabled={!draft.body.trim() || isClosed || post.isPending}
                  aria-label={t('composer.sendAndSetStatus')}
                  style={{
                    borderTopLeftRadius: 0,
                    borderBottomLeftRadius: 0,
                    borderLeft: '1px solid rgba(255,255,255,.4)',
                  }}
                >
                  <IconChevronDown size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t('composer.sendAndSetStatus')}</Menu.Label>
                {statusesAfterSending.map((status) => (
                  <Menu.Item key={status} onClick={() => requestSend(status)}>
                    {t('composer.sendAs', { status: t(`status.${status}`) })}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </Stack>
      <Modal
        opened={pendingStatus !== null}
        onClose={() => setPendingStatus(null)}
        title={t('composer.collisionTitle')}
      >
        <Stack>
          <Text size="sm">
            {t('composer.collisionText', {
              name: names.agentName(replyBySomeoneElse?.authorAgentId) ?? t('timeline.someone'),
            })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPendingStatus(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={() => {
                const status = pendingStatus ?? undefined;
                setPendingStatus(null);
                send(status);
              }}
            >
              {t('composer.sendAnyway')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
});
