// An editor's decision on a proposed verdict: approve, or request changes with a comment. Never offered on one's own
// verdict. Approval from the keyboard waits five seconds with an undo; when `a` can do nothing, it says why. A verdict with a
// correction shows the correction notice readers will see, prefilled from the verdict, for the editor to word at approval.
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { availableVerdictActions, canActOnVerdict, reviewSchema, type VerdictDto } from '@claimdesk/domain';
import { forwardRef, useImperativeHandle, useState } from 'react';
import { ApiError } from '../../../api/client';
import { ErrorText } from '../../../lib/ErrorText';
import { UNDO_SECONDS, useUndoable } from '../../../lib/useUndoable';
import { useAuth } from '../../auth';
import { useReviewVerdict, type VerdictClaim } from '../hooks/useVerdictMutations';

export interface ReviewActionsHandle {
  /** The keyboard's approval: after an undo period, or a note saying why nothing happened. */
  approve(): void;
}

interface Props {
  verdict: VerdictDto;
  claim: VerdictClaim;
  /** What the verdict's rating still asks for before approval (see `missingEvidence` in libs/domain). */
  missingEvidence?: string[];
}

export const ReviewActions = forwardRef<ReviewActionsHandle, Props>(function ReviewActions({ verdict, claim, missingEvidence = [] }, ref) {
  const { me } = useAuth();
  const [asking, setAsking] = useState(false);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | undefined>();
  const [note, setNote] = useState<string | null>(null);
  const [notice, setNotice] = useState(verdict.correction ?? '');
  const review = useReviewVerdict(claim, verdict);
  const role = me?.role ?? 'VIEWER';
  const own = me?.user.id === verdict.author.id;
  const actions = availableVerdictActions(verdict.state, { role, isAuthor: own });
  const canApprove = actions.includes('approve') && missingEvidence.length === 0;
  const approveNow = () => review.mutate({ decision: 'APPROVED', correctionNotice: verdict.correction ? notice.trim() || null : null });
  const approval = useUndoable(approveNow);
  useImperativeHandle(
    ref,
    () => ({
      approve: () => {
        if (own) return setNote('Nothing was approved: you proposed this verdict, so another editor must review it.');
        if (missingEvidence.length) return setNote(`Nothing was approved: ${missingEvidence.join('; ')}.`);
        if (!canApprove || review.isPending || approval.pending) return;
        setNote(null);
        approval.start();
      },
    }),
    [own, missingEvidence, canApprove, review.isPending, approval],
  );
  const noteView = note && (
    <Text size="sm" c="orange.9" role="status">
      {note}
    </Text>
  );
  if (!actions.includes('approve') && !actions.includes('requestChanges')) {
    // A reviewer looking at their own proposal: the workflow lets someone else decide.
    return own && canActOnVerdict(verdict.state, 'approve', { role, isAuthor: false }) ? (
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          You proposed this verdict, so another editor must review it.
        </Text>
        {noteView}
      </Stack>
    ) : null;
  }

  const requestChanges = () => {
    const parsed = reviewSchema.safeParse({ decision: 'CHANGES_REQUESTED', comment: comment.trim() || null, version: verdict.version });
    if (!parsed.success) return setCommentError(parsed.error.issues[0]?.message);
    approval.undo();
    review.mutate({ decision: 'CHANGES_REQUESTED', comment: comment.trim() });
  };
  const error = review.error instanceof ApiError && review.error.body.code === 'SELF_APPROVAL' ? new Error('You cannot approve your own verdict; another editor must review it.') : review.error;

  return (
    <Stack gap="xs">
      {approval.pending && (
        <Alert color="teal" variant="light" role="status" title={`Approving in ${UNDO_SECONDS} seconds`}>
          <Group justify="space-between">
            <Text size="sm">The verdict will be approved unless you undo.</Text>
            <Button size="xs" variant="white" color="teal" onClick={approval.undo} autoFocus>
              Undo
            </Button>
          </Group>
        </Alert>
      )}
      {noteView}
      {verdict.correction && canApprove && !asking && (
        <Textarea
          label="Correction notice"
          description="What readers will see under the article and in the published report. Prefilled from the verdict; edit the wording before approving."
          autosize
          minRows={2}
          maxLength={5000}
          value={notice}
          onChange={(e) => setNotice(e.currentTarget.value)}
          error={review.error instanceof ApiError ? review.error.fieldError('correctionNotice') : undefined}
        />
      )}
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
        {!asking && !approval.pending && (
          <Button
            color="teal"
            onClick={approveNow}
            disabled={!canApprove}
            title={missingEvidence.length ? missingEvidence.join('; ') : undefined}
            loading={review.isPending && review.variables?.decision === 'APPROVED'}
          >
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
