// The workspace audit log for admins: who changed what and when, filtered, paged, and exported as CSV.
import { Button, Code, Group, NativeSelect, Paper, SimpleGrid, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { AUDIT_ENTITIES, type AuditEventDto } from '@claimdesk/domain';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { ErrorText } from '../../../lib/ErrorText';
import { formatDateTime } from '../../../lib/format';
import { auditSearch, type AuditFilters } from '../api/settingsApi';
import { settingsQueries } from '../api/settingsQueries';
import { useMembers } from '../hooks/useWorkspaceData';

const EMPTY: AuditFilters = { actor: '', entity: '', action: '', from: '', to: '' };

function Change({ event }: { event: AuditEventDto }) {
  const shown = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  const before = shown(event.before);
  const after = shown(event.after);
  if (!before && !after) return <Text c="dimmed">—</Text>;
  return (
    <details>
      <summary>Details</summary>
      {before && (
        <Text size="xs" mt={4}>
          Before: <Code>{before}</Code>
        </Text>
      )}
      {after && (
        <Text size="xs" mt={4}>
          After: <Code>{after}</Code>
        </Text>
      )}
    </details>
  );
}

export function AuditLogSettings() {
  const [filters, setFilters] = useState<AuditFilters>(EMPTY);
  // Typing in the action box should not send a request per key stroke that the next one replaces.
  const query = useDeferredValue(filters);
  const members = useMembers();
  const log = useInfiniteQuery(settingsQueries.audit(query));
  const events = log.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (key: keyof AuditFilters) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setFilters({ ...filters, [key]: e.currentTarget.value });
  const search = auditSearch(filters);

  return (
    <Stack>
      <Paper withBorder p="md" radius="md" component="form" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} spacing="sm">
          <NativeSelect label="Who" value={filters.actor} onChange={set('actor')} data={[{ value: '', label: 'Anyone' }, ...(members.data ?? []).map((m) => ({ value: m.userId, label: m.name }))]} />
          <NativeSelect label="Record type" value={filters.entity} onChange={set('entity')} data={[{ value: '', label: 'Any' }, ...AUDIT_ENTITIES.map((e) => ({ value: e, label: e }))]} />
          <TextInput label="Action" placeholder="e.g. flag, publish" value={filters.action} onChange={set('action')} />
          <TextInput label="From" type="date" value={filters.from} onChange={set('from')} />
          <TextInput label="Until (not including)" type="date" value={filters.to} onChange={set('to')} />
        </SimpleGrid>
        <Group justify="space-between" mt="sm">
          <Button variant="subtle" onClick={() => setFilters(EMPTY)} disabled={search === ''}>
            Clear filters
          </Button>
          <Button component="a" href={`/api/audit/export${search ? `?${search}` : ''}`} variant="light" download>
            Export CSV
          </Button>
        </Group>
      </Paper>
      <ErrorText error={log.error} />
      {log.isPending ? (
        <Skeleton h={160} />
      ) : events.length === 0 ? (
        <Text c="dimmed">No changes match these filters.</Text>
      ) : (
        <Table verticalSpacing="xs" horizontalSpacing="md" aria-label="Audit log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>Record</Table.Th>
              <Table.Th>Change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.createdAt)}</Table.Td>
                <Table.Td>{event.actor?.name ?? <Text c="dimmed">ClaimDesk</Text>}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <Text span c="dimmed" size="sm">
                      {event.entity}
                    </Text>{' '}
                    {event.action}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Code>{event.entityId.slice(0, 8)}</Code>
                </Table.Td>
                <Table.Td>
                  <Change event={event} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {log.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
            Show older changes
          </Button>
        </Group>
      )}
    </Stack>
  );
}
