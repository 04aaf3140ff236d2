import { Group, Kbd, Modal, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormattingText } from '../conversation/formatting/texts.ts';

const shortcuts = [
  ['j', 'down'],
  ['k', 'up'],
  ['Enter', 'open'],
  ['x', 'select'],
  ['r', 'reply'],
  ['n', 'note'],
  ['a', 'assignToMe'],
  ['s', 'solve'],
  ['/', 'search'],
  ['?', 'help'],
  ['Esc', 'back'],
] as const;

// Keys of the composer's formatting toolbar (the modifier is Cmd on a Mac).
const formattingShortcuts = [
  ['Ctrl+B', 'shortcutBold'],
  ['Ctrl+I', 'shortcutItalic'],
  ['Ctrl+K', 'shortcutLink'],
] as const;

export function ShortcutHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { text: formattingText } = useFormattingText();
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} size="md">
      <Table verticalSpacing={6} data-testid="shortcut-help">
        <Table.Tbody>
          {shortcuts.map(([key, action]) => (
            <Table.Tr key={key}>
              <Table.Td w={90}>
                <Group gap={4}>
                  <Kbd>{key}</Kbd>
                </Group>
              </Table.Td>
              <Table.Td>{t(`shortcuts.${action}`)}</Table.Td>
            </Table.Tr>
          ))}
          {formattingShortcuts.map(([key, action]) => (
            <Table.Tr key={key}>
              <Table.Td w={90}>
                <Kbd>{key}</Kbd>
              </Table.Td>
              <Table.Td>{formattingText(action)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
