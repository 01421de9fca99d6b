// The morning triage: new check-worthy claims from the articles feeds brought in, best first, each opening in the reader,
// and a link to all of them in the claims table.
import { Anchor, Group, Paper, Text, Title } from '@mantine/core';
import type { ClaimDto } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { articleQueries } from '../../articles';
import { claimsTableHref } from '../../claims';
import { ClaimLinksTable, scoreColumn, statusColumn, type ClaimColumn } from './ClaimLinksTable';

export function FeedTriage({ since, claims }: { since: string; claims: readonly ClaimDto[] }) {
  const articles = useQuery(articleQueries.list());
  const titles = new Map((articles.data ?? []).map((a) => [a.id, a.title]));
  const columns: ClaimColumn[] = [
    {
      header: 'Article',
      maw: 260,
      cell: (c) => (
        <Anchor component={Link} to={`/articles/${c.articleId}`} size="sm" c="dimmed" lineClamp={1}>
          {titles.get(c.articleId) ?? 'Article'}
        </Anchor>
      ),
    },
    scoreColumn,
    statusColumn,
  ];
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
        <ClaimLinksTable claims={claims} columns={columns} />
      )}
    </Paper>
  );
}
