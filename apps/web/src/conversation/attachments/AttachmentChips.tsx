import { messageAttachmentLimits } from '@frontline/contracts';
import { ActionIcon, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconFile, IconPhoto, IconX } from '@tabler/icons-react';
import { useFileSize } from './file-size.ts';
import { useAttachmentText } from './texts.ts';
import type { ComposerFile } from './useComposerFiles.ts';

/** The composer's files: name, size, upload progress or what went wrong, and a remove button. */
export function AttachmentChips({
  files,
  tooMany,
  onRemove,
}: {
  files: ComposerFile[];
  tooMany: boolean;
  onRemove: (key: string) => void;
}) {
  const { text } = useAttachmentText();
  const sizeOf = useFileSize();
  if (files.length === 0 && !tooMany) return null;
  const errorText = (error: NonNullable<ComposerFile['error']>) =>
    error.kind === 'tooLarge'
      ? text('tooLarge', { limit: sizeOf(messageAttachmentLimits.maxBytes) })
      : error.kind === 'typeRefused'
        ? text('typeRefused')
        : text('failed', { reason: error.reason ?? '' });
  return (
    <Stack gap={6}>
      {files.length > 0 && (
        <Group gap={6} role="list" aria-label={text('attachments')} data-testid="composer-attachments">
          {files.map((file) => {
            const isImage = file.contentType.startsWith('image/');
            const isUploading = !file.attachment && !file.error;
            return (
              <Paper
                key={file.key}
                role="listitem"
                withBorder
                px={8}
                py={4}
                radius="md"
                maw={280}
                data-testid="composer-attachment"
                data-state={file.error ? 'error' : isUploading ? 'uploading' : 'ready'}
                style={file.error ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
              >
                <Group gap={6} wrap="nowrap">
                  {file.error ? (
                    <IconAlertCircle size={16} color="var(--mantine-color-red-7)" aria-hidden />
                  ) : isImage ? (
                    <IconPhoto size={16} aria-hidden />
                  ) : (
                    <IconFile size={16} aria-hidden />
                  )}
                  <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                    <Text size="xs" fw={500} truncate="end" title={file.name}>
                      {file.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {sizeOf(file.sizeBytes)}
                      {isUploading ? ` · ${text('uploading')}` : ''}
                    </Text>
                  </Stack>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="gray"
                    aria-label={text('remove', { name: file.name })}
                    onClick={() => onRemove(file.key)}
                  >
                    <IconX size={14} />
                  </ActionIcon>
                </Group>
                {isUploading && (
                  <Progress
                    value={Math.round(file.progress * 100)}
                    size="xs"
                    mt={4}
                    aria-label={`${text('uploading')} ${file.name}`}
                  />
                )}
                {file.error && (
                  <Text size="xs" c="red.8" mt={2} role="alert">
                    {errorText(file.error)}
                  </Text>
                )}
              </Paper>
            );
          })}
        </Group>
      )}
      {tooMany && (
        <Text size="xs" c="red.8" role="alert">
          {text('tooMany', { count: messageAttachmentLimits.maxFiles })}
        </Text>
      )}
    </Stack>
  );
}
