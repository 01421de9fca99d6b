// The editors' review queue: proposed verdicts oldest first, each with its claim in context, the sources and the verdict.
import { Alert, Anchor, Badge, Box, Group, Kbd, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { REVIEWERS, findRating, missingEvidence, type ReviewQueueItemDto } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ErrorText } from '../../../lib/ErrorText';
import { formatDateTime } from '../../../lib/format';
import { hasRole, useAuth } from '../../auth';
import { claimQueries, ReviewActions, SourceItem, VerdictCard, type ReviewActionsHandle } from '../../claims';
import { useRatings } from '../../settings';
import { ClaimInParagraph } from './ClaimInParagraph';

function QueueItem({ item, selected, onSelect, handleRef }: { item: ReviewQueueItemDto; selected: boolean; onSelect(): void; handleRef(h: ReviewActionsHandle | null): void }) {
  const ratings = useRatings();
  const rating = findRating([...ratings], item.verdict.ratingKey);
  const missing = rating ? missingEvidence(rating, { correction: item.verdict.correction, sourceCount: item.sources.length }) : [];
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      tabIndex={0}
      onFocus={onSelect}
      onClick={onSelect}
      component="article"
      aria-label={`Proposed verdict on: ${item.claim.text.slice(0, 80)}`}
      style={{ borderColor: selected ? 'var(--mantine-color-indigo-5)' : undefined, boxShadow: selected ? '0 0 0 1px var(--mantine-color-indigo-5)' : undefined }}
    >
      <Group justify="space-between" mb="xs">
        <Anchor component={Link} to={`/articles/${item.article.id}?claim=${item.claim.id}`} fw={600} size="sm">
          {item.article.title}
        </Anchor>
        <Text size="xs" c="dimmed">
          Proposed by {item.verdict.author.name}, {formatDateTime(item.verdict.proposedAt ?? item.verdict.createdAt)}
        </Text>
      </Group>
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <Stack style={{ flex: 3, minWidth: 0 }} gap="sm">
          <ClaimInParagraph paragraph={item.paragraph} claim={item.claim.text} />
          <Box>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={4}>
              Sources ({item.sources.length})
            </Text>
            <Stack gap={6}>
              {item.sources.length === 0 && missing.length === 0 && (
                <Text size="sm" c="dimmed">
                  No sources attached.
                </Text>
              )}
              {missing.length > 0 && (
                <Alert color="red" variant="light" title="Cannot be approved yet" p="xs">
                  {missing.map((m) => (
                    <Text key={m} size="sm">
                      {m[0].toUpperCase() + m.slice(1)}; send it back to ask for it.
                    </Text>
                  ))}
                </Alert>
              )}
              {item.sources.map((s) => (
                <SourceItem key={s.id} link={s} />
              ))}
            </Stack>
          </Box>
        </Stack>
        <Stack style={{ flex: 2, minWidth: 0 }} gap="sm">
          <VerdictCard verdict={item.verdict} ratings={ratings} />
          <ReviewActions ref={handleRef} verdict={item.verdict} claim={item.claim} missingEvidence={missing} />
        </Stack>
      </Group>
    </Paper>
  );
}

export default function ReviewQueuePage() {
  const { me } = useAuth();
  const reviewer = hasRole(me, REVIEWERS);
  const queue = useQuery(claimQueries.reviewQueue(reviewer));
  const [selected, setSelected] = useState(0);
  const handles = useRef(new Map<string, ReviewActionsHandle>());
  const items = queue.data ?? [];
  const latest = useRef({ items, selected });
  latest.current = { items, selected };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) || t.isContentEditable) return;
      const { items: list, selected: index } = latest.current;
      if (e.key === 'a' && list[index]) {
        e.preventDefault();
        handles.current.get(list[index].verdict.id)?.approve();
      } else if (e.key === 'j' || e.key === 'k') {
        setSelected((i) => Math.max(0, Math.min(list.length - 1, i + (e.key === 'j' ? 1 : -1))));
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (!reviewer)
    return (
      <Stack>
        <Title order={2}>Review queue</Title>
        <Text c="dimmed">Only editors and admins review verdicts.</Text>
      </Stack>
    );

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={2}>Review queue</Title>
          {queue.data && <Badge variant="light">{queue.data.length} waiting</Badge>}
        </Group>
        <Text size="xs" c="dimmed">
          <Kbd>j</Kbd> / <Kbd>k</Kbd> move · <Kbd>a</Kbd> approve the selected verdict (5 seconds to undo)
        </Text>
      </Group>
      {queue.isLoading && <Skeleton h={160} />}
      <ErrorText error={queue.error} />
      {queue.data?.length === 0 && (
        <Paper withBorder p="xl" ta="center" radius="md">
          <Text fw={600}>Nothing to review</Text>
          <Text size="sm" c="dimmed">
            Proposed verdicts appear here, oldest first.
          </Text>
        </Paper>
      )}
      {items.map((item, i) => (
        <QueueItem
          key={item.verdict.id}
          item={item}
          selected={i === selected}
          onSelect={() => setSelected(i)}
          handleRef={(h) => (h ? handles.current.set(item.verdict.id, h) : handles.current.delete(item.verdict.id))}
        />
      ))}
    </Stack>
  );
}
