// The reader's title bar: the article's title and progress, and its actions (shortcuts, new revision, report).
import { Anchor, Box, Button, Group, Skeleton, Text, Title } from '@mantine/core';
import type { ArticleDetailDto, ReaderClaimDto } from '@claimdesk/domain';
import { Link } from 'react-router';
import { countOf, formatDate } from '../../../lib/format';
import { triageCounts } from '../triage';

export function ReaderHeader({
  article,
  claims,
  canImport,
  onHelp,
  onReimport,
}: {
  article: ArticleDetailDto | undefined;
  claims: readonly ReaderClaimDto[] | undefined;
  canImport: boolean;
  onHelp(): void;
  onReimport(): void;
}) {
  const a = article;
  const counts = claims ? triageCounts(claims) : null;
  const checkedBefore = claims ? claims.filter((c) => c.checkedBefore).length : 0;
  return (
    <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
      <Box style={{ minWidth: 0 }}>
        <Anchor component={Link} to="/articles" size="sm">
          ← Articles
        </Anchor>
        {a ? (
          <>
            <Title order={2} mt={4} style={{ overflowWrap: 'anywhere' }}>
              {a.title}
            </Title>
            <Text size="sm" c="dimmed">
              {[a.author, a.publishedAt ? formatDate(a.publishedAt) : null, `revision ${a.revision}`, `${countOf(a.claimTotal, 'claim')}, ${a.checked} of ${a.checkWorthy} check-worthy checked`]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {counts && (
              <Text size="sm" aria-label="Claim counts">
                <b>{counts.checkWorthy}</b> check-worthy · <b>{counts.hedged}</b> hedged · <b>{counts.attributed}</b> attributed
                {checkedBefore > 0 && (
                  <>
                    {' · '}
                    <Text span c="teal.8" fw={600} size="sm" aria-label="Claims checked before">
                      {checkedBefore} checked before
                    </Text>
                  </>
                )}
              </Text>
            )}
          </>
        ) : (
          <Skeleton h={36} w={400} mt={4} />
        )}
      </Box>
      <Group gap="xs" wrap="nowrap">
        <Button variant="default" size="xs" onClick={onHelp}>
          Shortcuts (?)
        </Button>
        {canImport && a && (
          <Button variant="default" size="xs" onClick={onReimport}>
            Import new revision
          </Button>
        )}
        {a && (
          <Button component={Link} to={`/reports?article=${a.id}`} variant="light" size="xs">
            Report
          </Button>
        )}
      </Group>
    </Group>
  );
}
