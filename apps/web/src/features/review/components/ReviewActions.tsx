// An editor's decision on a proposed verdict: approve, or request changes with a comment. Never offered on one's own verdict.
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { reviewSchema, type VerdictDto } from '@claimdesk/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { forwardRef, useImperativeHandle, useState } from 'react';
import { ApiError } from '../../../api/client';
import { ErrorText } from '../../../lib/ErrorText';
import { useAuth } from '../../auth/AuthProvider';
import { claimsApi } from '../../claims/api/claimsApi';

export interface ReviewActionsHandle {
  approve(): void;
}

export const ReviewActions = forwardRef<ReviewActionsHandle, { verdict: VerdictDto; claimId: string; onDone?(): void }>(function ReviewActions({ verdict, claimId, onDone }, ref) {
  const { me } = useAuth();
  const client = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | undefined>();
  const review = useMutation({
    mutationFn: (body: { decision: 'APPROVED' | 'CHANGES_REQUESTED'; comment?: string }) => claimsApi.review(verdict.id, { ...body, version: verdict.version }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['reviews'] });
      void client.invalidateQueries({ queryKey: ['claim', claimId] });
      void client.invalidateQueries({ queryKey: ['claims'] });
      void client.invalidateQueries({ queryKey: ['dashboard'] });
      onDone?.();
    },
  });
  const own = me?.user.id === verdict.author.id;
  const mayReview = me?.role === 'ADMIN' || me?.role === 'EDITOR';
  useImperativeHandle(ref, () => ({ approve: () => !own && mayReview && !review.isPending && review.mutate({ decision: 'APPROVED' }) }), [own, mayReview, review]);
  if (!mayReview || verdict.state !== 'PROPOSED') return null;
  if (own)
    return (
      <Text size="sm" c="dimmed">
        You proposed this verdict, so another editor must review it.
      </Text>
    );

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
