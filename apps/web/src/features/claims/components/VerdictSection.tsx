// The verdicts on a claim with their reviews, the form to write or edit one, and the editor's review actions.
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { ClaimDetailDto, Rating, VerdictDto } from '@claimdesk/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/client';
import { formatDateTime } from '../../../lib/format';
import { useAuth } from '../../auth/AuthProvider';
import { ReviewActions } from '../../review/components/ReviewActions';
import { claimsApi } from '../api/claimsApi';
import { ratingLabel } from '../claimStatus';
import { VerdictStateBadge } from './StatusBadge';
import { VerdictForm } from './VerdictForm';

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
      {verdict.reviews.map((r) => (
        <Text key={r.id} size="xs" mt={6} c={r.decision === 'APPROVED' ? 'teal.9' : 'red.9'}>
          {r.decision === 'APPROVED' ? 'Approved' : 'Changes requested'} by {r.reviewer.name}, {formatDateTime(r.createdAt)}
          {r.comment ? `: “${r.comment}”` : ''}
        </Text>
      ))}
    </Paper>
  );
}

export function VerdictSection({ claim, ratings }: { claim: ClaimDetailDto; ratings: readonly Rating[] }) {
  const { me } = useAuth();
  const client = useQueryClient();
  const verdicts = [...claim.verdicts].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const active = verdicts.find((v) => v.state !== 'WITHDRAWN');
  const writer = me?.role !== 'VIEWER';
  const save = useMutation({
    mutationFn: ({ values, propose }: { values: { ratingKey: string; rationale: string; correction: string | null }; propose: boolean }) =>
      active && (active.state === 'DRAFT' || active.state === 'CHANGES_REQUESTED')
        ? claimsApi.updateVerdict(active.id, { ...values, propose, version: active.version })
        : claimsApi.createVerdict(claim.id, { ...values, propose }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['claim', claim.id] });
      void client.invalidateQueries({ queryKey: ['claims'] });
      void client.invalidateQueries({ queryKey: ['reviews'] });
      void client.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
  const editable = active && (active.state === 'DRAFT' || active.state === 'CHANGES_REQUESTED') && active.author.id === me?.user.id;
  const statusAllowsNew = claim.status === 'FLAGGED' || claim.status === 'IN_RESEARCH';
  const showForm = writer && (editable || (!active && statusAllowsNew));
  const stale = save.error instanceof ApiError && save.error.status === 409;

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
          {v.state === 'PROPOSED' && <ReviewActions verdict={v} claimId={claim.id} />}
        </Stack>
      ))}
      {active?.state === 'PROPOSED' && active.author.id === me?.user.id && (
        <Text size="sm" c="dimmed">
          Waiting for an editor to review your verdict.
        </Text>
      )}
      {showForm && (
        <Paper withBorder p="sm" radius="sm" bg="gray.0">
          <Text fw={600} size="sm" mb="xs">
            {editable ? (active?.state === 'CHANGES_REQUESTED' ? 'Revise the verdict' : 'Edit your draft verdict') : 'Propose a verdict'}
          </Text>
          <VerdictForm
            key={active?.id ?? 'new'}
            ratings={ratings}
            initial={editable && active ? { ratingKey: active.ratingKey, rationale: active.rationale, correction: active.correction ?? '' } : undefined}
            busy={save.isPending}
            serverError={stale ? new Error('Someone changed this verdict while you were editing. Your text is still in the form: reload the claim, then save again.') : save.error}
            onSubmit={(values, propose) => save.mutate({ values, propose })}
          />
          {stale && (
            <Button mt="xs" size="xs" variant="default" onClick={() => void client.invalidateQueries({ queryKey: ['claim', claim.id] })}>
              Reload the claim
            </Button>
          )}
        </Paper>
      )}
    </Stack>
  );
}
