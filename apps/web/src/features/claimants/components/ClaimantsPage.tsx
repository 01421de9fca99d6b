// Who makes the claims: the workspace's claimants, searchable by name, those with the most claims first.
import { Anchor, Badge, Paper, Skeleton, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorText } from '../../../lib/ErrorText';
import { claimantQueries } from '../api/claimantQueries';

export default function ClaimantsPage() {
  const [q, setQ] = useState('');
  const [term] = useDebouncedValue(q.trim(), 250);
  const claimants = useQuery(claimantQueries.search(term));
  return (
    <div>
      <Title order={2} mb="xs">
        Claimants
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Who makes the claims: the source a claim is attributed to, else the article&apos;s author or publication. The same source named differently is one claimant.
      </Text>
      <TextInput label="Search claimants" placeholder="Pentagon, ministry, officials…" value={q} onChange={(e) => setQ(e.currentTarget.value)} maw={420} mb="md" />
      <Paper withBorder radius="md">
        {claimants.error ? (
          <ErrorText error={claimants.error} title="The claimants could not be loaded" />
        ) : !claimants.data ? (
          <Skeleton h={120} />
        ) : claimants.data.length === 0 ? (
          <Text p="md" c="dimmed">
            {term ? `No claimant matches “${term}”.` : 'No claimants yet: import an article and its claims bring theirs.'}
          </Text>
        ) : (
          <Table striped highlightOnHover aria-label="Claimants">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Claimant</Table.Th>
                <Table.Th ta="right">Claims</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {claimants.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/claimants/${c.id}`}>
                      {c.name}
                    </Anchor>
                    {c.unnamed && (
                      <Badge ml="xs" size="xs" variant="light" color="orange">
                        unnamed source
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{c.claims}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </div>
  );
}
