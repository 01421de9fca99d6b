// API tokens for scripts and integrations: create (the secret is shown once, with copy), list and revoke.
import { Alert, Badge, Button, Checkbox, Code, Group, NumberInput, Paper, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { createApiTokenSchema } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/client';
import { ErrorText } from '../../../lib/ErrorText';
import { formatDate } from '../../../lib/format';
import { settingsQueries } from '../api/settingsQueries';
import { useCreateToken, useRevokeToken } from '../hooks/useSettingsMutations';
import { ShownOnce } from './ShownOnce';

export function TokensSettings() {
  const tokens = useQuery(settingsQueries.tokens());
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Array<'read' | 'write'>>(['read']);
  const [days, setDays] = useState<number | ''>(90);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const server = create.error instanceof ApiError ? create.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = createApiTokenSchema.safeParse({ name, scopes, expiresInDays: days === '' ? undefined : days });
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const i of parsed.error.issues) found[String(i.path[0])] ??= i.message;
      return setErrors(found);
    }
    setErrors({});
    create.mutate({ name: name.trim(), scopes, expiresInDays: days === '' ? undefined : days }, { onSuccess: () => setName('') });
  };
  return (
    <Stack>
      {create.data && (
        <Alert color="teal" title={`Token “${create.data.name}” created`} withCloseButton onClose={() => create.reset()}>
          <Text size="sm">Copy it now: it is shown only once.</Text>
          <ShownOnce value={create.data.token} testId="new-token" />
        </Alert>
      )}
      {tokens.isLoading && <Skeleton h={80} />}
      <ErrorText error={tokens.error} />
      {tokens.data && (
        <Paper withBorder radius="md">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Token</Table.Th>
                <Table.Th>Scopes</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text size="sm" c="dimmed">
                      No tokens yet.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {tokens.data.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.name}</Table.Td>
                  <Table.Td>
                    <Code>{t.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>{t.scopes.join(', ')}</Table.Td>
                  <Table.Td>{formatDate(t.createdAt)}</Table.Td>
                  <Table.Td>{t.lastUsedAt ? formatDate(t.lastUsedAt) : 'never'}</Table.Td>
                  <Table.Td>{t.expiresAt ? formatDate(t.expiresAt) : 'never'}</Table.Td>
                  <Table.Td>
                    {t.revokedAt ? (
                      <Badge color="gray">Revoked</Badge>
                    ) : (
                      <Button size="xs" variant="subtle" color="red" onClick={() => revoke.mutate(t.id)} aria-label={`Revoke ${t.name}`}>
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <ErrorText error={revoke.error} />
      <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate aria-label="Create an API token">
        <Text fw={600} mb="xs">
          Create a token
        </Text>
        <Group align="flex-start" gap="md">
          <TextInput label="Name" placeholder="CMS integration" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name ?? server?.fieldError('name')} w={260} />
          <Checkbox.Group label="Scopes" value={scopes} onChange={(v) => setScopes(v as Array<'read' | 'write'>)} error={errors.scopes ?? server?.fieldError('scopes')}>
            <Group mt={8}>
              <Checkbox value="read" label="Read" />
              <Checkbox value="write" label="Write" />
            </Group>
          </Checkbox.Group>
          <NumberInput
            label="Expires in (days)"
            description="Empty: never"
            value={days}
            onChange={(v) => setDays(v === '' ? '' : Number(v))}
            min={1}
            max={3650}
            w={160}
            error={errors.expiresInDays ?? server?.fieldError('expiresInDays')}
          />
        </Group>
        {server && !server.body.details.length && <ErrorText error={server} />}
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
