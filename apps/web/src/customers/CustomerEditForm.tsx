import { type Customer, type IdentityKind, identityKinds } from '@frontline/contracts';
import { ActionIcon, Badge, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateCustomer } from '../api/customers.ts';
import { FormError } from '../components/states.tsx';

/** Name, language, organisation, notes and identities of a customer. */
export function CustomerEditForm({ customer, onDone }: { customer: Customer; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCustomer();
  const [name, setName] = useState(customer.name);
  const [language, setLanguage] = useState(customer.preferredLanguage ?? '');
  const [organisation, setOrganisation] = useState(customer.organisation ?? '');
  const [notes, setNotes] = useState(customer.notes);
  const [removedIds, setRemovedIds] = useState<string[]>([]);
  const [added, setAdded] = useState<{ kind: IdentityKind; value: string }[]>([]);
  const [newKind, setNewKind] = useState<IdentityKind>('email');
  const [newValue, setNewValue] = useState('');

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        id: customer.id,
        changes: {
          name,
          preferredLanguage: language.trim() || null,
          organisation: organisation.trim() || null,
          notes,
          ...(added.length > 0 ? { addIdentities: added } : {}),
          ...(removedIds.length > 0 ? { removeIdentityIds: removedIds } : {}),
        },
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('common.saved') });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={save}>
      <Stack gap="sm">
        <TextInput
          label={t('fields.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <Group grow>
          <TextInput
            label={t('fields.language')}
            placeholder="lt"
            value={language}
            onChange={(event) => setLanguage(event.currentTarget.value)}
          />
          <TextInput
            label={t('fields.organisation')}
            value={organisation}
            onChange={(event) => setOrganisation(event.currentTarget.value)}
          />
        </Group>
        <Textarea
          label={t('fields.notes')}
          autosize
          minRows={3}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
        />
        <Text size="sm" fw={500}>
          {t('customer.identities')}
        </Text>
        {customer.identities
          .filter((identity) => !removedIds.includes(identity.id))
          .map((identity) => (
            <Group key={identity.id} gap="xs">
              <Badge variant="light" color="gray">
                {t(`identity.${identity.kind}`)}
              </Badge>
              <Text size="sm">{identity.value}</Text>
              <ActionIcon
                size="sm"
                variant="subtle"
                color="red"
                aria-label={t('common.remove')}
                onClick={() => setRemovedIds((ids) => [...ids, identity.id])}
              >
                <IconX size={14} />
              </ActionIcon>
            </Group>
          ))}
        {added.map((identity, index) => (
          <Group key={`${identity.kind}:${identity.value}`} gap="xs">
            <Badge variant="light">{t(`identity.${identity.kind}`)}</Badge>
            <Text size="sm">{identity.value}</Text>
            <ActionIcon
              size="sm"
              variant="subtle"
              color="red"
              aria-label={t('common.remove')}
              onClick={() => setAdded((list) => list.filter((_, position) => position !== index))}
            >
              <IconX size={14} />
            </ActionIcon>
          </Group>
        ))}
        <Group gap="xs" align="end">
          <Select
            w={140}
            label={t('customer.identityKind')}
            data={identityKinds.map((kind) => ({ value: kind, label: t(`identity.${kind}`) }))}
            value={newKind}
            allowDeselect={false}
            onChange={(kind) => kind && setNewKind(kind as IdentityKind)}
          />
          <TextInput
            style={{ flex: 1 }}
            label={t('customer.identityValue')}
            value={newValue}
            onChange={(event) => setNewValue(event.currentTarget.value)}
          />
          <Button
            variant="default"
            leftSection={<IconPlus size={14} />}
            disabled={!newValue.trim()}
            onClick={() => {
              setAdded((list) => [...list, { kind: newKind, value: newValue.trim() }]);
              setNewValue('');
            }}
          >
            {t('common.add')}
          </Button>
        </Group>
        <FormError error={update.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
