import type { MessageAttachment } from '@frontline/contracts';
import { Anchor, Group, Image, Stack } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useFileSize } from './file-size.ts';
import { useAttachmentText } from './texts.ts';

/** A message's files in the timeline: images as previews that open full size, others as downloads. */
export function MessageAttachments({ attachments }: { attachments: MessageAttachment[] }) {
  const { text } = useAttachmentText();
  const sizeOf = useFileSize();
  if (attachments.length === 0) return null;
  const images = attachments.filter((file) => file.contentType.startsWith('image/'));
  const others = attachments.filter((file) => !file.contentType.startsWith('image/'));
  return (
    <Stack gap={6} mt={8} data-testid="message-attachments">
      {images.length > 0 && (
        <Group gap="xs">
          {images.map((file) => (
            <Anchor
              key={file.id}
              href={file.url}
              target="_blank"
              rel="noopener"
              aria-label={text('open', { name: file.name })}
              title={`${file.name} (${sizeOf(file.sizeBytes)})`}
              data-testid="message-attachment"
            >
              <Image
                src={file.url}
                alt={file.name}
                h={120}
                w="auto"
                maw={240}
                fit="contain"
                radius="sm"
                style={{ border: '1px solid var(--mantine-color-gray-3)' }}
              />
            </Anchor>
          ))}
        </Group>
      )}
      {others.length > 0 && (
        <Group gap="sm">
          {others.map((file) => (
            <Anchor
              key={file.id}
              href={file.url}
              download={file.name}
              size="xs"
              title={text('download', { name: file.name })}
              data-testid="message-attachment"
              style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
            >
              <IconPaperclip size={14} aria-hidden />
              {file.name} ({sizeOf(file.sizeBytes)})
            </Anchor>
          ))}
        </Group>
      )}
    </Stack>
  );
}
