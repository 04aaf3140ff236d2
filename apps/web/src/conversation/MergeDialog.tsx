import type { ConversationDetail } from '@frontline/contracts';
import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useConversationList, useMergeConversation } from '../api/conversations.ts';
import { StatusBadge } from '../components/badges.tsx';
import { PageLoader } from '../components/states.tsx';
import { useFormat } from '../i18n/format.ts';

type Props = { conversation: ConversationDetail; opened: boolean; onClose: () => void };

/** Merges this conversation into another one of the same customer (the server enforces that too). */
export function MergeDialog({ conversation, opened, onClose }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const merge = useMergeConversation();
  const [targetId, setTargetId] = useState<string | null>(null);
  const candidates = useConversationList({
    customer: conversation.customer.id,
    status: 'new,open,pending,on_hold,solved',
  });
  const others = (candidates.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (candidate) => candidate.id !== conversation.id,
  );

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('merge.title', { reference: conversation.reference })}
      size="lg"
    >
      <Stack>
        <Text size="sm">{t('merge.explain')}</Text>
        {candidates.isPending ? (
          <PageLoader h={120} />
        ) : others.length === 0 ? (
          <Alert color="gray">{t('merge.noCandidates')}</Alert>
        ) : (
          <Radio.Group value={targetId} onChange={setTargetId}>
            <Stack gap="xs">
              {others.map((candidate) => (
                <Radio
                  key={candidate.id}
                  value={candidate.id}
                  label={
                    <Group gap={6}>
                      <Text size="sm" fw={500}>
                        #{candidate.reference} {candidate.subject}
                      </Text>
                      <StatusBadge status={candidate.status} />
                      <Text size="xs" c="dimmed">
                        {format.date(candidate.createdAt)}
                      </Text>
                    </Group>
                  }
                />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!targetId}
            loading={merge.isPending}
            onClick={() =>
              targetId &&
              merge.mutate(
                { id: conversation.id, targetConversationId: targetId },
                {
                  onSuccess: () => {
                    onClose();
                    navigate(`/conversations/${targetId}`);
                  },
                },
              )
            }
          >
            {t('merge.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
