// A secret or link the server shows only once (a new API token, a webhook's signing secret, an invitation link): the
// value in full with a Copy button, for the alert that announces it.
import { Button, Code, CopyButton, Group } from '@mantine/core';

export function ShownOnce({ value, testId }: { value: string; testId: string }) {
  return (
    <Group mt="xs" gap="xs" wrap="nowrap">
      <Code style={{ wordBreak: 'break-all' }} data-testid={testId}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button size="xs" onClick={copy} color={copied ? 'teal' : undefined}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
