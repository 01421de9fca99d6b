// The morning triage: new check-worthy claims from the articles feeds brought in, best first, each opening in the reader,
// and a link to all of them in the claims table.
import { Anchor, Group, Paper, Table, Text, Title } from '@mantine/core';
import type { ClaimDto } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDateTime, formatScore } from '../../../lib/format';
import { StatusBadge } from '../../../lib/StatusBadge';
import { articleQueries } from '../../articles';
import { claimsTableHref } from '../../claims';

export function FeedTriage({ since, claims }: { since: string; claims: readonly ClaimDto[] }) {
  const articles = useQuery(articleQueries.list());
  const titles = new Map((articles.data ?? []).map((a) => [a.id, a.title]));
  const all = claimsTableHref({ fromFeedsSince: since, checkWorthy: 'yes', status: ['DETECTED', 'FLAGGED'] });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="feed-triage-title">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5" id="feed-triage-title">
          New check-worthy claims from feeds since {formatDateTime(since)}
        </Title>
        <Anchor component={Link} to={all} size="sm">
          See all
        </Anchor>
      </Group>
      {claims.length === 0 ? (
        <Text size="sm" c="dimmed">
          No new check-worthy claims from feeds. Feeds are set up in Settings → Feeds.
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Claim</Table.Th>
              <Table.Th>Article</Table.Th>
              <Table.Th>Score</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {claims.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/articles/${c.articleId}?claim=${c.id}`} size="sm" lineClamp={2}>
                    {c.text}
                  </Anchor>
                </Table.Td>
                <Table.Td maw={260}>
                  <Anchor component={Link} to={`/articles/${c.articleId}`} size="sm" c="dimmed" lineClamp={1}>
                    {titles.get(c.articleId) ?? 'Article'}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatScore(c.score)}</Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={c.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
