import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A secret the server answers only once (an API token, an invitation link): what it is, the value
 * itself and a copy button, until the admin closes it.
 */
export function ShownOnceAlert(props: {
  title: string;
  text: string;
  value: string;
  onClose: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      color="teal"
      title={props.title}
      withCloseButton
      onClose={props.onClose}
      data-testid={props.testId}
    >
      <Stack gap="xs">
        <Text size="sm">{props.text}</Text>
        <Group gap="xs" wrap="nowrap">
          <Code style={{ wordBreak: 'break-all' }}>{props.value}</Code>
          <CopyButton value={props.value}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
