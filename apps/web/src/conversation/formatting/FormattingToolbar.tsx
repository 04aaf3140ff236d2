import { isSafeLinkTarget } from '@frontline/contracts/markdown';
import { ActionIcon, Button, Divider, Group, Modal, Stack, TextInput, Tooltip } from '@mantine/core';
import {
  IconBold,
  IconCode,
  IconEye,
  IconItalic,
  IconLink,
  IconList,
  IconListNumbers,
  IconPencil,
  IconQuote,
} from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { type FormattingTextKey, useFormattingText } from './texts.ts';

export type FormattingAction = 'bold' | 'italic' | 'bulletList' | 'numberedList' | 'quote' | 'code';

type Props = {
  disabled: boolean;
  isPreviewing: boolean;
  onFormat: (action: FormattingAction) => void;
  /** Opens the link dialog; the composer remembers the selection the link goes around. */
  onLinkRequest: () => void;
  onTogglePreview: () => void;
};

const buttons: { action: FormattingAction; label: FormattingTextKey; icon: ReactNode }[] = [
  { action: 'bold', label: 'bold', icon: <IconBold size={16} /> },
  { action: 'italic', label: 'italic', icon: <IconItalic size={16} /> },
  { action: 'bulletList', label: 'bulletList', icon: <IconList size={16} /> },
  { action: 'numberedList', label: 'numberedList', icon: <IconListNumbers size={16} /> },
  { action: 'quote', label: 'quote', icon: <IconQuote size={16} /> },
  { action: 'code', label: 'code', icon: <IconCode size={16} /> },
];

/** Bold, italic, lists, link, quote and code for the composer's Markdown, and its preview. */
export function FormattingToolbar({
  disabled,
  isPreviewing,
  onFormat,
  onLinkRequest,
  onTogglePreview,
}: Props) {
  const { text } = useFormattingText();
  return (
    <Group gap={2} wrap="nowrap" role="toolbar" aria-label={text('toolbar')} data-testid="formatting-toolbar">
      {buttons.map((button) => (
        <Tooltip key={button.action} label={text(button.label)} openDelay={300}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size={28}
            aria-label={text(button.label)}
            disabled={disabled || isPreviewing}
            // Keeps the textarea's selection: a click would otherwise move focus to the button first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onFormat(button.action)}
            data-testid={`format-${button.action}`}
          >
            {button.icon}
          </ActionIcon>
        </Tooltip>
      ))}
      <Tooltip label={text('link')} openDelay={300}>
        <ActionIcon
          variant="subtle"
          color="gray"
          size={28}
          aria-label={text('link')}
          disabled={disabled || isPreviewing}
          onMouseDown={(event) => event.preventDefault()}
          onClick={onLinkRequest}
          data-testid="format-link"
        >
          <IconLink size={16} />
        </ActionIcon>
      </Tooltip>
      <Divider orientation="vertical" mx={4} />
      <Button
        size="compact-xs"
        variant={isPreviewing ? 'light' : 'subtle'}
        color="gray"
        leftSection={isPreviewing ? <IconPencil size={14} /> : <IconEye size={14} />}
        aria-pressed={isPreviewing}
        disabled={disabled}
        onClick={onTogglePreview}
        data-testid="format-preview"
      >
        {isPreviewing ? text('edit') : text('preview')}
      </Button>
    </Group>
  );
}

/** Asks for a link's address; only web and mail addresses are accepted, a bare domain gets https://. */
export function LinkDialog({
  opened,
  onClose,
  onInsert,
}: {
  opened: boolean;
  onClose: () => void;
  onInsert: (url: string) => void;
}) {
  const { text } = useFormattingText();
  const [url, setUrl] = useState('');
  const [isInvalid, setInvalid] = useState(false);
  const close = () => {
    setUrl('');
    setInvalid(false);
    onClose();
  };
  const submit = () => {
    const typed = url.trim();
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(typed) ? typed : `https://${typed}`;
    if (!typed || !isSafeLinkTarget(withScheme)) {
      setInvalid(true);
      return;
    }
    onInsert(withScheme);
    close();
  };
  return (
    <Modal opened={opened} onClose={close} title={text('linkTitle')} returnFocus={false}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <TextInput
            data-autofocus
            label={text('linkUrl')}
            placeholder={text('linkUrlHint')}
            value={url}
            error={isInvalid ? text('linkInvalid') : undefined}
            onChange={(event) => {
              setUrl(event.currentTarget.value);
              setInvalid(false);
            }}
            data-testid="link-url"
          />
          <Group justify="flex-end">
            <Button type="submit">{text('linkInsert')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
