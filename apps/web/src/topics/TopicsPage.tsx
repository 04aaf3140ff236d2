import { type Topic, type TopicBody, type TopicLanguage, topicLanguages } from '@frontline/contracts';
import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Navigate } from 'react-router';
import { isAdmin, useSession } from '../auth/session.tsx';
import { EditDeleteActions } from '../components/RowActions.tsx';
import { ErrorState, FormError, PageLoader } from '../components/states.tsx';
import { useFormat } from '../i18n/format.ts';
import { useTopicText } from './texts.ts';
import {
  useDeleteTopic,
  useSaveTopic,
  useTopicClassifier,
  useTopics,
  useTrainClassifier,
} from './topics-api.ts';

const languageLabels: Record<TopicLanguage, string> = {
  en: 'English',
  lt: 'Lietuvių',
  sk: 'Slovenčina',
  pl: 'Polski',
  hu: 'Magyar',
};

type Draft = {
  key: string;
  names: Record<TopicLanguage, string>;
  keywords: Record<TopicLanguage, string[]>;
  isActive: boolean;
};

function draftOf(topic: Topic | null): Draft {
  const names = {} as Record<TopicLanguage, string>;
  const keywords = {} as Record<TopicLanguage, string[]>;
  for (const language of topicLanguages) {
    names[language] = topic?.names[language] ?? '';
    keywords[language] = topic?.keywords[language] ?? [];
  }
  return { key: topic?.key ?? '', names, keywords, isActive: topic?.isActive ?? true };
}

function bodyOf(draft: Draft): TopicBody {
  const names: TopicBody['names'] = {};
  const keywords: NonNullable<TopicBody['keywords']> = {};
  for (const language of topicLanguages) {
    if (draft.names[language].trim()) names[language] = draft.names[language].trim();
    if (draft.keywords[language].length > 0) keywords[language] = draft.keywords[language];
  }
  return { key: draft.key.trim(), names, keywords, isActive: draft.isActive };
}

function TopicForm({ topic, onDone }: { topic: Topic | null; onDone: () => void }) {
  const { text } = useTopicText();
  const save = useSaveTopic();
  const [draft, setDraft] = useState(() => draftOf(topic));
  const setName = (language: TopicLanguage, name: string) =>
    setDraft((current) => ({ ...current, names: { ...current.names, [language]: name } }));
  const setKeywords = (language: TopicLanguage, words: string[]) =>
    setDraft((current) => ({ ...current, keywords: { ...current.keywords, [language]: words } }));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ id: topic?.id, body: bodyOf(draft) }, { onSuccess: onDone });
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={text('key')}
          description={text('keyHint')}
          required
          value={draft.key}
          onChange={(event) => setDraft({ ...draft, key: event.currentTarget.value })}
        />
        <Text size="xs" c="dimmed">
          {text('keywordsHint')}
        </Text>
        {topicLanguages.map((language) => (
          <Paper key={language} withBorder p="xs">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <TextInput
                size="xs"
                label={`${text('name')} · ${languageLabels[language]}`}
                required={language === 'en'}
                lang={language}
                value={draft.names[language]}
                onChange={(event) => setName(language, event.currentTarget.value)}
              />
              <TagsInput
                size="xs"
                label={`${text('keywords')} · ${languageLabels[language]}`}
                lang={language}
                value={draft.keywords[language]}
                onChange={(words) => setKeywords(language, words)}
                clearable
              />
            </SimpleGrid>
          </Paper>
        ))}
        <Switch
          label={text('active')}
          checked={draft.isActive}
          onChange={(event) => setDraft({ ...draft, isActive: event.currentTarget.checked })}
        />
        <FormError error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {text('cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {text('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ClassifierStatus() {
  const { text } = useTopicText();
  const format = useFormat();
  const classifier = useTopicClassifier();
  const train = useTrainClassifier();
  const status = train.data ?? classifier.data;
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between">
        <div>
          <Text fw={600} size="sm">
            {text('classifier')}
          </Text>
          <Text size="sm" c="dimmed" data-testid="classifier-status">
            {status?.trainedAt
              ? text('classifierTrained', {
                  date: format.dateTime(status.trainedAt),
                  count: status.exampleCount,
                })
              : text('classifierUntrained')}
          </Text>
          <FormError error={train.error} />
        </div>
        <Button variant="light" loading={train.isPending} onClick={() => train.mutate()}>
          {text('train')}
        </Button>
      </Group>
    </Paper>
  );
}

/** Admin screen: topics with a name and keywords per language, and the classifier's state. */
export function TopicsPage() {
  const { text, topicName } = useTopicText();
  const { agent } = useSession();
  const topics = useTopics();
  const remove = useDeleteTopic();
  const [editing, setEditing] = useState<Topic | 'new' | null>(null);
  if (!isAdmin(agent)) return <Navigate to="/inbox/mine" replace />;
  if (topics.isPending) return <PageLoader />;
  if (topics.isError) return <ErrorState error={topics.error} onRetry={() => void topics.refetch()} />;

  return (
    <Stack p="md" gap="md" maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{text('title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {text('addTopic')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {text('intro')}
      </Text>
      <ClassifierStatus />
      {topics.data.length === 0 ? (
        <Text c="dimmed">{text('noTopics')}</Text>
      ) : (
        <Table striped data-testid="topics">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{text('name')}</Table.Th>
              <Table.Th>{text('key')}</Table.Th>
              <Table.Th>{text('keywords')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {topics.data.map((topic) => (
              <Table.Tr key={topic.id}>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm" fw={500}>
                      {topicName(topic)}
                    </Text>
                    {!topic.isActive && (
                      <Badge size="xs" color="gray.8" variant="light">
                        {text('inactive')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {topic.key}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {Object.entries(topic.keywords)
                      .map(([language, words]) => `${language}: ${words.join(', ')}`)
                      .join(' · ') || '—'}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <EditDeleteActions
                    editLabel={text('editTopic')}
                    deleteLabel={text('delete')}
                    confirmDelete={text('confirmDelete', { name: topicName(topic) })}
                    onEdit={() => setEditing(topic)}
                    onDelete={() => remove.mutate(topic.id)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <FormError error={remove.error} />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? text('addTopic') : text('editTopic')}
        size="xl"
      >
        {editing !== null && (
          <TopicForm topic={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </Stack>
  );
}
