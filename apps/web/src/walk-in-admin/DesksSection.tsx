import type { WalkInDesk, WalkInLocation } from '@frontline/contracts';
import {
  ActionIcon,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { fieldErrorsOf, useAddDesk, useRemoveDesk, useRenameDesk } from './admin-api.ts';
import { useWalkInAdminText } from './texts.ts';

/** A desk's name, changed in place; the server's refusal shows at the field. */
function RenameDeskForm({ desk, onDone }: { desk: WalkInDesk; onDone: () => void }) {
  const { text } = useWalkInAdminText();
  const rename = useRenameDesk();
  const [name, setName] = useState(desk.name);
  const serverErrors = fieldErrorsOf(rename.error, text);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim()) rename.mutate({ id: desk.id, body: { name: name.trim() } }, { onSuccess: onDone });
      }}
    >
      <Stack>
        <TextInput
          label={text('deskName')}
          value={name}
          error={name.trim() ? (serverErrors.name ?? serverErrors.form) : text('required')}
          onChange={(event) => setName(event.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {text('cancel')}
          </Button>
          <Button type="submit" loading={rename.isPending}>
            {text('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A location's desks and counters: add, rename, remove (with confirmation). */
export function DesksSection({ location }: { location: WalkInLocation }) {
  const { text } = useWalkInAdminText();
  const addDesk = useAddDesk();
  const remove = useRemoveDesk();
  const [name, setName] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<WalkInDesk | null>(null);
  const [removing, setRemoving] = useState<WalkInDesk | null>(null);
  const serverErrors = fieldErrorsOf(addDesk.error, text);
  const removeErrors = fieldErrorsOf(remove.error, text);

  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} size="h5" mb="xs">
        {text('desks')}
      </Title>
      {location.desks.length === 0 ? (
        <Text size="sm" c="dimmed" mb="xs">
          {text('noDesks')}
        </Text>
      ) : (
        <Stack gap={2} mb="sm" maw={480} data-testid="walk-in-desks">
          {location.desks.map((desk) => (
            <Group key={desk.id} justify="space-between" wrap="nowrap">
              <Text size="sm" fw={500}>
                {desk.name}
              </Text>
              <Group gap={2} wrap="nowrap">
                <Tooltip label={text('renameDesk')}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`${text('renameDesk')} ${desk.name}`}
                    onClick={() => setRenaming(desk)}
                  >
                    <IconPencil size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={text('removeDesk')}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`${text('removeDesk')} ${desk.name}`}
                    onClick={() => {
                      remove.reset();
                      setRemoving(desk);
                    }}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim()) {
            setLocalError(text('required'));
            return;
          }
          setLocalError(null);
          addDesk.mutate(
            { locationId: location.id, body: { name: name.trim() } },
            { onSuccess: () => setName('') },
          );
        }}
      >
        <Group align="start" gap="sm">
          <TextInput
            label={text('deskName')}
            value={name}
            error={localError ?? serverErrors.name ?? serverErrors.form}
            onChange={(event) => setName(event.currentTarget.value)}
            w={260}
          />
          <Button type="submit" mt={25} loading={addDesk.isPending} leftSection={<IconPlus size={14} />}>
            {text('addDesk')}
          </Button>
        </Group>
      </form>
      <Modal opened={renaming !== null} onClose={() => setRenaming(null)} title={text('renameDesk')}>
        {renaming && <RenameDeskForm desk={renaming} onDone={() => setRenaming(null)} />}
      </Modal>
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={text('removeDesk')}>
        {removing && (
          <Stack>
            <Text size="sm">{text('confirmRemoveDesk', { name: removing.name })}</Text>
            {removeErrors.form && (
              <Text size="sm" c="red.9" role="alert">
                {removeErrors.form}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)}>
                {text('cancel')}
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() => remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
              >
                {text('confirmRemove')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
