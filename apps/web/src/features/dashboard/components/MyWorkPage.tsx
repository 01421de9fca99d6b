// "My work", the start page of fact-checkers and editors: verdicts sent back to me, reviews waiting for me, and the
// open claims assigned to me. Live events refresh it, so work appears here as colleagues hand it over.
import { Anchor, Badge, Blockquote, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { REVIEWERS } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorText } from '../../../lib/ErrorText';
import { countOf, formatDateTime } from '../../../lib/format';
import { AssignedClaimsTable } from './ClaimLinksTable';
import { hasRole, useAuth } from '../../auth';
import { dashboardQueries } from '../api/dashboardQueries';

function Section({ title, count, empty, children }: { title: string; count: number; empty: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Group gap="xs" mb="sm">
        <Title order={3} size="h5">
          {title}
        </Title>
        <Badge variant="light" color={count ? 'indigo' : 'gray'}>
          {count}
        </Badge>
      </Group>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        children
      )}
    </Paper>
  );
}

export default function MyWorkPage() {
  const { me } = useAuth();
  const work = useQuery(dashboardQueries.myWork());
  const w = work.data;
  const reviewer = hasRole(me, REVIEWERS);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>My work</Title>
        {w && (
          <Text size="sm" c="dimmed">
            {countOf(new Set([...w.sentBack.map((i) => i.claim.id), ...w.reviews.map((i) => i.claim.id), ...w.assigned.map((c) => c.id)]).size, 'claim')} waiting for you
          </Text>
        )}
      </Group>
      {work.isLoading && <Skeleton h={240} />}
      <ErrorText error={work.error} />
      {w && (
        <>
          <Section title="Sent back to me" count={w.sentBack.length} empty="No verdict of yours is waiting for changes.">
            <Stack gap="sm">
              {w.sentBack.map((item) => (
                <Paper key={item.verdict.id} withBorder p="sm" radius="sm" component="article" aria-label={`Sent back: ${item.claim.text.slice(0, 80)}`}>
                  <Group justify="space-between" mb={4}>
                    <Anchor component={Link} to={`/articles/${item.article.id}?claim=${item.claim.id}`} fw={600} size="sm" lineClamp={2}>
                      {item.claim.text}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {item.reviewer ? `${item.reviewer.name}, ` : ''}
                      {formatDateTime(item.verdict.decidedAt)}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {item.article.title}
                  </Text>
                  {item.comment && (
                    <Blockquote color="orange" p="xs" mt="xs" fz="sm">
                      {item.comment}
                    </Blockquote>
                  )}
                </Paper>
              ))}
            </Stack>
          </Section>
          {reviewer && (
            <Section title="Reviews waiting for me" count={w.reviews.length} empty="No proposed verdict is waiting for your review.">
              <Stack gap={6}>
                {w.reviews.map((item) => (
                  <Group key={item.verdict.id} justify="space-between" wrap="nowrap">
                    <Anchor component={Link} to="/review" size="sm" lineClamp={1}>
                      {item.claim.text}
                    </Anchor>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      proposed by {item.verdict.author.name}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Section>
          )}
          <Section title="Assigned to me" count={w.assigned.length} empty="No open claim is assigned to you. Flag a claim to take it on.">
            <AssignedClaimsTable claims={w.assigned} />
          </Section>
        </>
      )}
    </Stack>
  );
}
