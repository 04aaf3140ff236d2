import type { EmailMessageDetail } from '@frontline/contracts';
import { Alert, Anchor, Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';

const deliveryColors = { queued: 'gray', sent: 'teal', failed: 'red' } as const;

const formatAddress = (address: { address: string; name: string }) =>
  address.name ? `${address.name} <${address.address}>` : address.address;

/** Sender and recipients of an email message, shown above its body. */
export function EmailHeader({ detail }: { detail: EmailMessageDetail }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} mb={6}>
      <Text size="xs" c="dimmed" truncate>
        {detail.from && `${t('email.from')}: ${formatAddress(detail.from)}`}
        {detail.to.length > 0 && ` · ${t('email.to')}: ${detail.to.map(formatAddress).join(', ')}`}
        {detail.cc.length > 0 && ` · ${t('email.cc')}: ${detail.cc.map(formatAddress).join(', ')}`}
      </Text>
      {detail.isSuspicious && (
        <Alert
          color="orange"
          variant="light"
          p={6}
          icon={<IconAlertTriangle size={16} />}
          data-testid="email-suspicious"
        >
          <Text size="xs">{t('email.suspicious')}</Text>
        </Alert>
      )}
      {detail.kind !== 'person' && detail.kind !== 'reply' && (
        <Badge size="xs" variant="outline" color="gray">
          {t(`email.kind.${detail.kind}`)}
        </Badge>
      )}
    </Stack>
  );
}

/** Attachments to download, delivery of our replies, and the original mail. */
export function EmailFooter({ detail }: { detail: EmailMessageDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const files = detail.attachments.filter((attachment) => !attachment.isInline);
  const sizeOf = (bytes: number) =>
    bytes >= 1_048_576
      ? format.unit(bytes / 1_048_576, 'megabyte')
      : format.unit(Math.max(1, Math.round(bytes / 1024)), 'kilobyte');
  if (files.length === 0 && !detail.delivery && !detail.originalUrl) return null;
  return (
    <Group gap="xs" mt={8} data-testid="email-footer">
      {files.map((file) => (
        <Anchor
          key={file.id}
          href={file.url}
          download={file.filename}
          size="xs"
          data-testid="email-attachment"
          style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
        >
          <IconPaperclip size={14} />
          {file.filename} ({sizeOf(file.size)})
        </Anchor>
      ))}
      {detail.delivery && (
        <Tooltip label={detail.delivery.error ?? ''} disabled={!detail.delivery.error}>
          <Badge size="xs" variant="light" color={deliveryColors[detail.delivery.status]}>
            {t(`email.delivery.${detail.delivery.status}`)}
          </Badge>
        </Tooltip>
      )}
      {detail.originalUrl && (
        <Anchor href={detail.originalUrl} size="xs" c="dimmed" download>
          {t('email.original')}
        </Anchor>
      )}
    </Group>
  );
}
