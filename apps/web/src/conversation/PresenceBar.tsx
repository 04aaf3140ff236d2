import { Avatar, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Colleague } from '../realtime/presence.ts';

/** Colleagues in the same conversation right now; typing ones are called out. */
export function PresenceBar({ colleagues }: { colleagues: Colleague[] }) {
  const { t } = useTranslation();
  if (colleagues.length === 0) return null;
  const typing = colleagues.filter((colleague) => colleague.isTyping);
  return (
    <Group gap="xs" data-testid="presence">
      <Avatar.Group spacing="xs">
        {colleagues.map((colleague) => (
          <Tooltip key={colleague.agentId} label={colleague.name}>
            <Avatar size="sm" name={colleague.name} color={colleague.isTyping ? 'orange' : 'teal'} />
          </Tooltip>
        ))}
      </Avatar.Group>
      <Text size="sm" c={typing.length > 0 ? 'orange.8' : 'dimmed'} data-testid="presence-text">
        {typing.length > 0
          ? t('presence.typing', { names: typing.map((colleague) => colleague.name).join(', ') })
          : t('presence.viewing', { names: colleagues.map((colleague) => colleague.name).join(', ') })}
      </Text>
    </Group>
  );
}
