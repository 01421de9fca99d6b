// "Checked before": the library entries that may check this claim, best first, with their rating, publisher, date,
// link and reasons (conflicts in the warning colour); "Same claim" links one as a source and offers its rating for a
// draft verdict. Weak matches (below the model's possible-match line) are shown only when asked for, but for the
// closest when nothing is likely. Below them, unverified look-alikes in the workspace, asked for separately once the
// matches are shown.
import { Alert, Anchor, Badge, Button, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import type { LibraryMatchDto, Stance } from '@claimdesk/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorText } from '../../../lib/ErrorText';
import { claimsApi } from '../api/claimsApi';
import { claimKeys, claimQueries } from '../api/claimQueries';

/** What "Same claim" offers the verdict form: the entry's rating on this workspace's scale and a rationale to start from. */
export interface OfferedVerdict {
  ratingKey: string;
  rationale: string;
}

export function MatchesSection({ claimId, canLink, onOffer }: { claimId: string; canLink: boolean; onOffer(offer: OfferedVerdict | null): void }) {
  const matches = useQuery(claimQueries.matches(claimId));
  const lookAlikes = useQuery(claimQueries.lookAlikes(claimId, matches.isSuccess));
  const similar = lookAlikes.data?.similar ?? [];
  const [showWeak, setShowWeak] = useState(false);
  if (matches.isLoading)
    return (
      <Text size="sm" c="dimmed">
        Looking in the library…
      </Text>
    );
  if (matches.error) return <ErrorText error={matches.error} />;
  const data = matches.data!;
  // The workspace's index is still being built (the first request after a start, or a large import): nothing is known
  // yet, and the query asks again every few seconds.
  if (data.stale && data.matches.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Looking in the library… its index is being prepared.
      </Text>
    );
  // Weak matches (more often wrong than right) wait behind a button: a list of 1% matches under "Checked before" reads
  // as if the library had an answer. With no likely match the closest one stays in view, marked weak: on a small
  // library a fact-check in other words can score under the line.
  const likely = data.matches.filter((m) => m.possible);
  const weak = data.matches.filter((m) => !m.possible);
  const shown = likely.length > 0 ? likely : weak.slice(0, 1);
  const folded = weak.filter((m) => !shown.includes(m));
  return (
    <Stack gap="xs">
      {likely.length === 0 && (
        <Text size="sm" c="dimmed">
          {weak.length ? 'No likely match in the library. The closest:' : 'Nothing in the library matches this claim.'}
        </Text>
      )}
      {shown.map((m) => (
        <MatchCard key={m.entry.id} claimId={claimId} match={m} canLink={canLink} onOffer={onOffer} />
      ))}
      {folded.length > 0 &&
        (showWeak ? (
          folded.map((m) => <MatchCard key={m.entry.id} claimId={claimId} match={m} canLink={canLink} onOffer={onOffer} />)
        ) : (
          <Button size="compact-xs" variant="subtle" color="gray" style={{ alignSelf: 'flex-start' }} onClick={() => setShowWeak(true)}>
            Show {folded.length} {shown.some((m) => !m.possible) ? 'more ' : ''}weak {folded.length === 1 ? 'match' : 'matches'}
          </Button>
        ))}
      {similar.length > 0 && (
        <>
          <Text size="xs" fw={600} c="dimmed" mt="xs">
            Unverified look-alikes in this workspace
          </Text>
          {similar.map((s) => (
            <div key={s.claim.id}>
              <Anchor component={Link} to={`/articles/${s.claim.articleId}?claim=${s.claim.id}`} size="sm">
                {s.claim.text}
              </Anchor>
              <Text size="xs" c="dimmed">
                {s.articleTitle} · {Math.round(s.similarity * 100)}% match
              </Text>
            </div>
          ))}
        </>
      )}
    </Stack>
  );
}

function MatchCard({ claimId, match, canLink, onOffer }: { claimId: string; match: LibraryMatchDto; canLink: boolean; onOffer(offer: OfferedVerdict | null): void }) {
  const client = useQueryClient();
  // No stance is chosen for you: a debunking fact-check is never filed as "Supports" by a slip.
  const [stance, setStance] = useState<Stance | null>(null);
  const [asking, setAsking] = useState(false);
  const { entry, reasons } = match;
  const link = useMutation({
    mutationFn: (chosen: Stance) => claimsApi.sameClaim(claimId, { entryId: entry.id, stance: chosen }),
    onSuccess: (result) => {
      setAsking(false);
      void client.invalidateQueries({ queryKey: claimKeys.detail(claimId) });
      onOffer(
        result.ratingKey
          ? { ratingKey: result.ratingKey, rationale: `${entry.publisher ?? 'A fact-checker'} rated this claim “${entry.rating ?? result.ratingKey}”${entry.url ? ` (${entry.url})` : ''}.` }
          : null,
      );
    },
  });
  const shared = [...reasons.names, ...reasons.numbers, ...reasons.dates];
  return (
    <Paper withBorder p="xs" radius="sm" aria-label={`Library match ${match.rank}`}>
      <Group gap={6} mb={4}>
        {match.strong && (
          <Badge size="xs" color="teal">
            checked before
          </Badge>
        )}
        {!match.possible && (
          <Badge size="xs" variant="outline" color="gray">
            weak match
          </Badge>
        )}
        {entry.rating && (
          <Badge size="xs" variant="light" color={entry.ratingKey ? 'indigo' : 'gray'}>
            {entry.rating}
          </Badge>
        )}
        <Text size="xs" c="dimmed">
          {[entry.publisher, entry.date, entry.origin === 'verdict' ? 'approved verdict of this desk' : entry.fileName].filter(Boolean).join(' · ')} · {Math.round(match.score * 100)}%
        </Text>
      </Group>
      <Text size="sm">{entry.claim}</Text>
      {entry.url && (
        <Anchor href={entry.url} target="_blank" rel="noreferrer noopener" size="xs">
          {entry.title ?? entry.url}
        </Anchor>
      )}
      {shared.length > 0 && (
        <Text size="xs" c="dimmed" mt={2}>
          Shares: {shared.join(', ')}
        </Text>
      )}
      {reasons.conflicts.map((c) => (
        <Text key={c.message} size="xs" c="orange.8" fw={600} mt={2} role="note">
          ⚠ {c.message}
        </Text>
      ))}
      {canLink &&
        (asking ? (
          <Stack gap={6} mt={6}>
            <Text size="xs">What does this fact-check do to the claim?</Text>
            <Radio.Group value={stance ?? ''} onChange={(v) => setStance(v as Stance)} aria-label="Stance of the fact-check">
              <Group gap="md">
                <Radio size="xs" value="SUPPORTS" label="Supports it" />
                <Radio size="xs" value="REFUTES" label="Contradicts it" />
                <Radio size="xs" value="CONTEXT" label="Context" />
              </Group>
            </Radio.Group>
            <Group gap="xs">
              <Button size="xs" onClick={() => stance && link.mutate(stance)} disabled={!stance} loading={link.isPending}>
                Add as source
              </Button>
              <Button size="xs" variant="default" onClick={() => setAsking(false)}>
                Cancel
              </Button>
            </Group>
            <ErrorText error={link.error} title="Linking failed" />
          </Stack>
        ) : (
          <Group gap="xs" mt={6}>
            <Button size="xs" variant="light" onClick={() => setAsking(true)}>
              Same claim
            </Button>
            {link.isSuccess && (
              <Alert p={4} color="teal" variant="transparent">
                <Text size="xs">Added as a source{entry.ratingKey ? '; its rating is in the verdict form' : ''}.</Text>
              </Alert>
            )}
          </Group>
        ))}
    </Paper>
  );
}
