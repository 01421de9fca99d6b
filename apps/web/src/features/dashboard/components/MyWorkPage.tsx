// "My work", the start page of fact-checkers and editors: verdicts sent back to me, reviews waiting for me, the open
// claims assigned to me, and the newest articles whose check-worthy claims are not all checked yet (where new work is
// picked up). Live events refresh it, so work appears here as colleagues hand it over.
import { Anchor, Badge, Blockquote, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { REVIEWERS, type ArticleDto } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorText } from '../../../lib/ErrorText';
import { countOf, formatDate, formatDateTime } from '../../../lib/format';
import { articleQueries, CheckProgress } from '../../articles';
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

/** How many articles "Articles to check" lists; the badge counts them all. */
const TRIAGE_ARTICLES = 5;

/** The newest articles with check-worthy claims not all checked (as the Articles page counts them), newest first. */
function articlesToTriage(articles: readonly ArticleDto[]): ArticleDto[] {
  return articles.filter((a) => a.checkWorthy > a.checked).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Each article opens in the reader's check-worthy view, where j and k walk its claims in the order of checking. */
function TriageTable({ articles }: { articles: readonly ArticleDto[] }) {
  const shown = articles.slice(0, TRIAGE_ARTICLES);
  return (
    <>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Article</Table.Th>
            <Table.Th>Check-worthy claims</Table.Th>
            <Table.Th>Imported</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/articles/${a.id}?view=check-worthy`} size="sm" lineClamp={1}>
                  {a.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <CheckProgress article={a} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(a.createdAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {articles.length > shown.length && (
        <Anchor component={Link} to="/articles" size="sm" mt="xs" display="inline-block">
          {articles.length - shown.length} more on the Articles page
        </Anchor>
      )}
    </>
  );
}

export default function MyWorkPage() {
  const { me } = useAuth();
  const work = useQuery(dashboardQueries.myWork());
  const articles = useQuery(articleQueries.list());
  const toTriage = articlesToTriage(articles.data ?? []);
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
          {articles.data && (
            <Section
              title="Articles to check"
              count={toTriage.length}
              empty={articles.data.length ? "Every check-worthy claim of the workspace's articles has been checked." : 'No articles yet: import one on the Articles page.'}
            >
              <TriageTable articles={toTriage} />
            </Section>
          )}
        </>
      )}
    </Stack>
  );
}
