// One claimant: every claim it made across the workspace's articles, with where it was made and the verdict it got.
import { Anchor, Badge, Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ErrorText } from '../../../lib/ErrorText';
import { countOf, formatDate } from '../../../lib/format';
import { StatusBadge } from '../../../lib/StatusBadge';
import { useRatings } from '../../settings';
import { claimantQueries } from '../api/claimantQueries';

export default function ClaimantPage() {
  const { id = '' } = useParams();
  const claimant = useQuery(claimantQueries.detail(id));
  const ratings = useRatings();
  const label = (key: string | null) => (key ? (ratings.find((r) => r.key === key)?.label ?? key) : null);
  if (claimant.error) return <ErrorText error={claimant.error} title="This claimant could not be opened" />;
  const c = claimant.data;
  const rated = c?.items.filter((i) => i.rating).length ?? 0;
  return (
    <div>
      <Anchor component={Link} to="/claimants" size="sm">
        ← Claimants
      </Anchor>
      {c ? (
        <>
          <Title order={2} mt={4}>
            {c.name}
            {c.unnamed && (
              <Badge ml="sm" variant="light" color="orange" style={{ verticalAlign: 'middle' }}>
                unnamed source
              </Badge>
            )}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {countOf(c.items.length, 'claim')} across {countOf(new Set(c.items.map((i) => i.articleId)).size, 'article')} · {rated} with a verdict
          </Text>
          <Paper withBorder radius="md">
            <Table aria-label={`Claims by ${c.name}`} verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Claim</Table.Th>
                  <Table.Th>Article</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Verdict</Table.Th>
                  <Table.Th>Imported</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td maw={520}>
                      <Anchor component={Link} to={`/articles/${i.articleId}?claim=${i.id}`} size="sm">
                        {i.text}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{i.articleTitle}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <StatusBadge status={i.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={i.rating ? 600 : undefined} c={i.rating ? undefined : 'dimmed'}>
                        {label(i.rating) ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(i.createdAt)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      ) : (
        <Skeleton h={200} mt="md" />
      )}
    </div>
  );
}
