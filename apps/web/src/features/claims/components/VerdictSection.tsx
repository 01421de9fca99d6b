// The verdicts on a claim with their reviews, the form to write or edit one, and the editor's review actions.
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { availableVerdictActions, canTransition, findRating, isOpenVerdict, missingEvidence, type ClaimDetailDto, type Rating, type VerdictDto } from '@claimdesk/domain';
import { ApiError } from '../../../api/client';
import { ErrorText } from '../../../lib/ErrorText';
import { formatDateTime } from '../../../lib/format';
import { useAuth } from '../../auth';
import { useReloadClaim, useSaveVerdict, useWithdrawVerdict } from '../hooks/useVerdictMutations';
import { ratingLabel } from '../../../lib/claimStatus';
import { VerdictStateBadge } from '../../../lib/StatusBadge';
import { ReviewActions } from './ReviewActions';
import { VerdictForm } from './VerdictForm';
import { changesSinceSentBack } from '../verdictDiff';

/** A re-proposed verdict against the version an editor sent back: removed words struck through, added ones marked. */
function SentBackDiff({ verdict, ratings }: { verdict: VerdictDto; ratings: readonly Rating[] }) {
  const changes = changesSinceSentBack(verdict, (key) => ratingLabel(ratings, key));
  if (!changes) return null;
  return (
    <Paper p={6} mt={6} radius="sm" bg="indigo.0" aria-label="Changes since it was sent back">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        Changes since it was sent back
      </Text>
      {changes.length === 0 && <Text size="sm">Proposed again unchanged.</Text>}
      {changes.map((c) => (
        <Text key={c.field} size="sm" mt={4}>
          <Text span fw={600} size="sm">
            {c.field}:{' '}
          </Text>
          {c.parts.map((p, i) =>
            p.change === 'added' ? (
              <ins key={i} style={{ background: '#d3f9d8', textDecoration: 'none' }}>
                {p.text}
              </ins>
            ) : p.change === 'removed' ? (
              <del key={i} style={{ background: '#ffe3e3' }}>
                {p.text}
              </del>
            ) : (
              <span key={i}>{p.text}</span>
            ),
          )}
        </Text>
      ))}
    </Paper>
  );
}

export function VerdictCard({ verdict, ratings }: { verdict: VerdictDto; ratings: readonly Rating[] }) {
  return (
    <Paper withBorder p="xs" radius="sm">
      <Group justify="space-between" gap="xs">
        <Group gap={6}>
          <Badge color={ratings.find((r) => r.key === verdict.ratingKey)?.needsCorrection ? 'red' : 'teal'} variant="filled" size="md">
            {ratingLabel(ratings, verdict.ratingKey)}
          </Badge>
          <VerdictStateBadge state={verdict.state} />
        </Group>
        <Text size="xs" c="dimmed">
          by {verdict.author.name}
          {verdict.proposedAt ? `, proposed ${formatDateTime(verdict.proposedAt)}` : ''}
        </Text>
      </Group>
      <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap' }}>
        {verdict.rationale}
      </Text>
      {verdict.correction && (
        <Text size="sm" mt={6} p={6} bg="yellow.0" style={{ whiteSpace: 'pre-wrap', borderRadius: 4 }}>
          <Text span fw={600} size="sm">
            Correction:{' '}
          </Text>
          {verdict.correction}
        </Text>
      )}
      <SentBackDiff verdict={verdict} ratings={ratings} />
      {verdict.reviews.map((r) => (
        <Text key={r.id} size="xs" mt={6} c={r.decision === 'APPROVED' ? 'teal.9' : 'red.9'}>
          {r.decision === 'APPROVED' ? 'Approved' : 'Changes requested'} by {r.reviewer.name}, {formatDateTime(r.createdAt)}
          {r.comment ? `: “${r.comment}”` : ''}
        </Text>
      ))}
    </Paper>
  );
}

export function VerdictSection({ claim, ratings, offered }: { claim: ClaimDetailDto; ratings: readonly Rating[]; offered?: { ratingKey: string; rationale: string } | null }) {
  const { me } = useAuth();
  const role = me?.role ?? 'VIEWER';
  const verdicts = [...claim.verdicts].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  // At most one verdict is open (being drafted, in review or sent back); the workflow in libs/domain says what may be done to it.
  const open = verdicts.find((v) => isOpenVerdict(v.state));
  const isAuthor = open ? open.author.id === me?.user.id : true;
  // A new verdict needs a claim under research, or a flagged one (writing a verdict starts its research).
  const claimTakesVerdict = canTransition(claim.status, 'startResearch', role) || canTransition(claim.status, 'submitForReview', role);
  const actions = open ? availableVerdictActions(open.state, { role, isAuthor }) : claimTakesVerdict ? availableVerdictActions('NEW', { role, isAuthor }) : [];
  const editable = open && actions.includes('edit') ? open : undefined;
  const showForm = Boolean(editable) || (!open && actions.includes('draft'));
  const save = useSaveVerdict(claim, editable);
  const withdraw = useWithdrawVerdict(claim);
  const reloadClaim = useReloadClaim();
  const stale = save.error instanceof ApiError && save.error.status === 409;
  const evidenceMissing = (v: VerdictDto) => {
    const rating = findRating([...ratings], v.ratingKey);
    return rating ? missingEvidence(rating, { correction: v.correction, sourceCount: claim.sources.length }) : [];
  };

  return (
    <Stack gap="xs">
      {verdicts.length === 0 && (
        <Text size="sm" c="dimmed">
          {claim.status === 'DETECTED' ? 'Flag this claim to research it and propose a verdict.' : claim.status === 'DISMISSED' ? 'Dismissed claims get no verdict.' : 'No verdict yet.'}
        </Text>
      )}
      {verdicts.map((v) => (
        <Stack key={v.id} gap={6}>
          <VerdictCard verdict={v} ratings={ratings} />
          {v.state === 'PROPOSED' && <ReviewActions verdict={v} claim={claim} missingEvidence={evidenceMissing(v)} />}
          {v === open && actions.includes('withdraw') && (
            <Group gap="xs">
              <Button size="xs" variant="subtle" color="gray" onClick={() => withdraw.mutate(v)} loading={withdraw.isPending}>
                Withdraw verdict
              </Button>
            </Group>
          )}
        </Stack>
      ))}
      <ErrorText error={withdraw.error} title="Withdraw verdict failed" />
      {open?.state === 'PROPOSED' && isAuthor && (
        <Text size="sm" c="dimmed">
          Waiting for an editor to review your verdict.
        </Text>
      )}
      {showForm && (
        <Paper withBorder p="sm" radius="sm" bg="gray.0">
          <Text fw={600} size="sm" mb="xs">
            {editable ? (editable.state === 'CHANGES_REQUESTED' ? 'Revise the verdict' : 'Edit your draft verdict') : 'Propose a verdict'}
          </Text>
          <VerdictForm
            key={open?.id ?? `new-${offered?.ratingKey ?? ''}`}
            ratings={ratings}
            initial={
              editable
                ? { ratingKey: editable.ratingKey, rationale: editable.rationale, correction: editable.correction ?? '' }
                : offered
                  ? { ratingKey: offered.ratingKey, rationale: offered.rationale, correction: '' }
                  : undefined
            }
            busy={save.isPending}
            canPropose={actions.includes('propose')}
            serverError={stale ? new Error('Someone changed this verdict while you were editing. Your text is still in the form: reload the claim, then save again.') : save.error}
            onSubmit={(values, propose) => save.mutate({ values, propose })}
          />
          {stale && (
            <Button mt="xs" size="xs" variant="default" onClick={() => reloadClaim(claim.id)}>
              Reload the claim
            </Button>
          )}
        </Paper>
      )}
    </Stack>
  );
}
