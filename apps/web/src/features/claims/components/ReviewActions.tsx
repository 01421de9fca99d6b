// An editor's decision on a proposed verdict: approve, or request changes with a comment. Never offered on one's own verdict.
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { availableVerdictActions, canActOnVerdict, reviewSchema, type VerdictDto } from '@claimdesk/domain';
import { forwardRef, useImperativeHandle, useState } from 'react';
import { ApiError } from '../../../api/client';
import { ErrorText } from '../../../lib/ErrorText';
import { useAuth } from '../../auth';
import { useReviewVerdict, type VerdictClaim } from '../hooks/useVerdictMutations';

export interface ReviewActionsHandle {
  approve(): void;
}

export const ReviewActions = forwardRef<ReviewActionsHandle, { verdict: VerdictDto; claim: VerdictClaim }>(function ReviewActions({ verdict, claim }, ref) {
  const { me } = useAuth();
  const [asking, setAsking] = useState(false);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | undefined>();
  const review = useReviewVerdict(claim, verdict);
  const role = me?.role ?? 'VIEWER';
  const own = me?.user.id === verdict.author.id;
  const actions = availableVerdictActions(verdict.state, { role, isAuthor: own });
  const canApprove = actions.includes('approve');
  useImperativeHandle(ref, () => ({ approve: () => canApprove && !review.isPending && review.mutate({ decision: 'APPROVED' }) }), [canApprove, review]);
  if (!canApprove && !actions.includes('requestChanges')) {
    // A reviewer looking at their own proposal: the workflow lets someone else decide.
    return own && canActOnVerdict(verdict.state, 'approve', { role, isAuthor: false }) ? (
      <Text size="sm" c="dimmed">
        You proposed this verdict, so another editor must review it.
      </Text>
    ) : null;
  }

  const requestChanges = () => {
    const parsed = reviewSchema.safeParse({ decision: 'CHANGES_REQUESTED', comment: comment.trim() || null, version: verdict.version });
    if (!parsed.success) return setCommentError(parsed.error.issues[0]?.message);
    review.mutate({ decision: 'CHANGES_REQUESTED', comment: comment.trim() });
  };
  const error = review.error instanceof ApiError && review.error.body.code === 'SELF_APPROVAL' ? new Error('You cannot approve your own verdict; another editor must review it.') : review.error;

  return (
    <Stack gap="xs">
      {asking && (
        <Textarea
          label="What needs to change"
          autosize
          minRows={2}
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            setCommentError(undefined);
          }}
          error={commentError ?? (review.error instanceof ApiError ? review.error.fieldError('comment') : undefined)}
          data-autofocus
          autoFocus
        />
      )}
      <ErrorText error={error} />
      <Group gap="xs">
        {!asking && (
          <Button color="teal" onClick={() => review.mutate({ decision: 'APPROVED' })} loading={review.isPending && review.variables?.decision === 'APPROVED'}>
            Approve
          </Button>
        )}
        {asking ? (
          <>
            <Button color="orange" onClick={requestChanges} loading={review.isPending}>
              Send back with comment
            </Button>
            <Button variant="default" onClick={() => setAsking(false)}>
              Cancel
            </Button>
          </>
        ) : (
          <Button variant="default" onClick={() => setAsking(true)}>
            Request changes
          </Button>
        )}
      </Group>
    </Stack>
  );
});
