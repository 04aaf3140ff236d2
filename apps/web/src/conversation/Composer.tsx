import {
  type ConversationDetail,
  type ConversationStatus,
  messageAttachmentLimits,
} from '@frontline/contracts';
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
  Tooltip,
} from '@mantine/core';
import { IconChevronDown, IconLock, IconPaperclip, IconSend } from '@tabler/icons-react';
import { type DragEvent, forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePostMessage } from '../api/conversations.ts';
import { useDirectoryNames } from '../api/directory.ts';
import { useSession } from '../auth/session.tsx';
import { AttachmentChips } from './attachments/AttachmentChips.tsx';
import { useFileSize } from './attachments/file-size.ts';
import { useAttachmentText } from './attachments/texts.ts';
import { useComposerFiles } from './attachments/useComposerFiles.ts';
import { type ComposerMode, useDraft } from './draft.ts';
import { type FormattingAction, FormattingToolbar, LinkDialog } from './formatting/FormattingToolbar.tsx';
import { MarkdownBody } from './formatting/MarkdownBody.tsx';
import {
  applyEdit,
  insertLink,
  prefixLines,
  type TextEdit,
  type TextSelection,
  wrapSelection,
} from './formatting/markdown-edit.ts';
import { useFormattingText } from './formatting/texts.ts';
import { MentionSuggestions } from './mentions/MentionSuggestions.tsx';

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
  const { draft, setBody, setMode, setAttachments, clear } = useDraft(conversation.id);
  const post = usePostMessage();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const filePicker = useRef<HTMLInputElement>(null);
  const [pendingStatus, setPendingStatus] = useState<ConversationStatus | undefined | null>(null);
  const [isDragging, setDragging] = useState(false);
  const files = useComposerFiles(draft.attachments, setAttachments);
  const { text: fileText } = useAttachmentText();
  const sizeOf = useFileSize();
  const { text: formattingText } = useFormattingText();
  const [isPreviewing, setPreviewing] = useState(false);
  const [linkSelection, setLinkSelection] = useState<TextSelection | null>(null);

  useImperativeHandle(ref, () => ({
    focus: (mode) => {
      setMode(mode);
      setPreviewing(false);
      // After the preview (if any) is gone and the textarea shown again.
      requestAnimationFrame(() => textarea.current?.focus());
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

  // Something to send, and nothing still uploading or refused that the agent might expect to go.
  const canSend =
    (draft.body.trim() !== '' || files.ready.length > 0) && !files.isUploading && !files.hasErrors;
  const send = (status: ConversationStatus | undefined) => {
    const body = draft.body.trim();
    if (!canSend || post.isPending) return;
    post.mutate(
      {
        id: conversation.id,
        body,
        visibility: isNote ? 'internal' : 'public',
        status,
        attachmentIds: files.ready.map((attachment) => attachment.id),
        idempotencyKey: draft.key,
      },
      {
        onSuccess: () => {
          clear();
          setPreviewing(false);
          files.clear();
        },
      },
    );
  };
  const requestSend = (status?: ConversationStatus) => {
    if (!canSend) return;
    // Two agents answering the same customer at once is what collision warnings exist to stop.
    if (!isNote && replyBySomeoneElse) setPendingStatus(status);
    else send(status);
  };

  const currentSelection = (): TextSelection | null => {
    const element = textarea.current;
    if (!element) return null;
    return { value: element.value, start: element.selectionStart, end: element.selectionEnd };
  };
  // Through the browser's own editing, so Ctrl+Z undoes a formatting step like typing.
  const applyTextEdit = (edit: TextEdit) => {
    const element = textarea.current;
    if (!element) return;
    element.focus();
    element.setSelectionRange(edit.from, edit.to);
    // execCommand edits whatever has focus: only when that really is the textarea (a closing dialog may still hold it).
    const isInserted =
      edit.insert !== '' &&
      document.activeElement === element &&
      document.execCommand('insertText', false, edit.insert);
    if (!isInserted) setBody(applyEdit(element.value, edit));
    requestAnimationFrame(() => element.setSelectionRange(edit.start, edit.end));
  };
  const format = (action: FormattingAction) => {
    const selection = currentSelection();
    if (!selection || isClosed) return;
    const placeholder = formattingText('placeholder');
    if (action === 'bold') applyTextEdit(wrapSelection(selection, '**', placeholder));
    else if (action === 'italic') applyTextEdit(wrapSelection(selection, '*', placeholder));
    else if (action === 'code') applyTextEdit(wrapSelection(selection, '`', placeholder));
    else if (action === 'bulletList') applyTextEdit(prefixLines(selection, 'bullet'));
    else if (action === 'numberedList') applyTextEdit(prefixLines(selection, 'numbered'));
    else applyTextEdit(prefixLines(selection, 'quote'));
  };
  const requestLink = () => {
    const selection = currentSelection();
    if (selection && !isClosed) setLinkSelection(selection);
  };

  const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');
  const sendHint = files.isUploading
    ? fileText('waitForUploads')
    : files.hasErrors
      ? fileText('removeFailed')
      : draft.body
        ? t('composer.draftSaved')
        : t('composer.sendHint');

  return (
    <Paper
      withBorder
      p="sm"
      className={isNote ? 'frontline-note' : undefined}
      data-testid="composer"
      pos="relative"
      onDragOver={(event) => {
        if (isClosed || !hasFiles(event)) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(event) => {
        if (isClosed || !hasFiles(event)) return;
        event.preventDefault();
        setDragging(false);
        files.add([...event.dataTransfer.files]);
      }}
    >
      {isDragging && (
        <Stack
          pos="absolute"
          inset={0}
          justify="center"
          align="center"
          bg="rgba(255,255,255,.9)"
          style={{ zIndex: 2, border: '2px dashed var(--mantine-color-indigo-5)', borderRadius: 'inherit' }}
          data-testid="composer-drop-zone"
        >
          <IconPaperclip size={24} />
          <Text size="sm" fw={500}>
            {fileText('dropHere')}
          </Text>
        </Stack>
      )}
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
          <FormattingToolbar
            disabled={isClosed}
            isPreviewing={isPreviewing}
            onFormat={format}
            onLinkRequest={requestLink}
            onTogglePreview={() => {
              if (isPreviewing) requestAnimationFrame(() => textarea.current?.focus());
              setPreviewing(!isPreviewing);
            }}
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
        {isPreviewing && (
          <Paper withBorder p="xs" mih={78} data-testid="composer-preview">
            {draft.body.trim() ? (
              <MarkdownBody body={draft.body} />
            ) : (
              <Text size="sm" c="dimmed">
                {formattingText('previewEmpty')}
              </Text>
            )}
          </Paper>
        )}
        <Textarea
          ref={textarea}
          style={isPreviewing ? { display: 'none' } : undefined}
          description={formattingText('formattingHint')}
          inputWrapperOrder={['input', 'description']}
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
          onPaste={(event) => {
            const pasted = [...event.clipboardData.files];
            if (pasted.length === 0 || isClosed) return;
            // A pasted screenshot becomes an attachment; pasted text stays text.
            event.preventDefault();
            files.add(pasted);
          }}
          onKeyDown={(event) => {
            const withModifier = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
            const shortcut = withModifier ? event.key.toLowerCase() : '';
            if (shortcut === 'b' || shortcut === 'i' || shortcut === 'k') {
              event.preventDefault();
              if (shortcut === 'k') requestLink();
              else format(shortcut === 'b' ? 'bold' : 'italic');
              return;
            }
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              requestSend();
            }
            if (event.key === 'Escape') event.currentTarget.blur();
          }}
        />
        <MentionSuggestions textareaRef={textarea} enabled={isNote} value={draft.body} onChange={setBody} />
        <AttachmentChips files={files.files} tooMany={files.tooMany} onRemove={files.remove} />
        <Group justify="space-between">
          <Group gap="xs" wrap="nowrap">
            <Tooltip
              label={fileText('attachHint', { limit: sizeOf(messageAttachmentLimits.maxBytes) })}
              multiline
              w={260}
            >
              <ActionIcon
                variant="subtle"
                color="gray"
                size={30}
                aria-label={fileText('attach')}
                disabled={isClosed}
                onClick={() => filePicker.current?.click()}
                data-testid="composer-attach"
              >
                <IconPaperclip size={18} />
              </ActionIcon>
            </Tooltip>
            <input
              ref={filePicker}
              type="file"
              multiple
              hidden
              accept={messageAttachmentLimits.acceptedTypes.join(',')}
              data-testid="composer-file-input"
              onChange={(event) => {
                files.add([...(event.currentTarget.files ?? [])]);
                event.currentTarget.value = '';
              }}
            />
            <Text size="xs" c={files.hasErrors ? 'red.8' : 'dimmed'}>
              {sendHint}
            </Text>
          </Group>
          <Group gap={0} wrap="nowrap">
            <Button
              leftSection={<IconSend size={16} />}
              onClick={() => requestSend()}
              loading={post.isPending}
              disabled={!canSend || isClosed}
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
                  disabled={!canSend || isClosed || post.isPending}
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
      <LinkDialog
        opened={linkSelection !== null}
        onClose={() => {
          setLinkSelection(null);
          requestAnimationFrame(() => textarea.current?.focus());
        }}
        onInsert={(url) => {
          if (linkSelection) applyTextEdit(insertLink(linkSelection, url, formattingText('linkText')));
        }}
      />
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
