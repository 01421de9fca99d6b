// Discussion and audit history of one claim.
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { commentSchema, type CommentDto } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../api/client';
import { ErrorText } from '../../../lib/ErrorText';
import { formatDateTime } from '../../../lib/format';
import { claimQueries } from '../api/claimQueries';
import { useAddComment } from '../hooks/useClaimMutations';
import { describeEvent } from '../history';
import { MentionTextarea } from './MentionTextarea';

/** The form for a new comment, or for a reply to the comment `parentId`. */
function CommentForm({ claimId, parentId, label, onDone }: { claimId: string; parentId?: string; label: string; onDone?(): void }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = useAddComment(claimId);
  return (
    <form
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = commentSchema.safeParse({ body });
        if (!parsed.success) return setError(`Comment: ${parsed.error.issues[0]?.message}`);
        setError(undefined);
        add.mutate(
          { body: body.trim(), parentId },
          {
            onSuccess: () => {
              setBody('');
              onDone?.();
            },
          },
        );
      }}
    >
      <MentionTextarea
        label={label}
        description={parentId ? undefined : 'Type @ to mention a member: they are told in their notifications.'}
        autosize
        minRows={parentId ? 1 : 2}
        value={body}
        onValueChange={setBody}
        error={error ?? (add.error instanceof ApiError ? add.error.fieldError('body') : undefined)}
        autoFocus={Boolean(parentId)}
      />
      {add.error && !(add.error instanceof ApiError && add.error.fieldError('body')) && <ErrorText error={add.error} />}
      <Group justify="flex-end" mt={6}>
        {onDone && (
          <Button size="xs" variant="subtle" color="gray" onClick={onDone}>
            Cancel
          </Button>
        )}
        <Button type="submit" size="xs" variant="light" loading={add.isPending}>
          {parentId ? 'Reply' : 'Comment'}
        </Button>
      </Group>
    </form>
  );
}

function CommentBody({ comment }: { comment: CommentDto }) {
  return (
    <>
      <Text size="xs" c="dimmed">
        {comment.author.name} · {formatDateTime(comment.createdAt)}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {comment.body}
      </Text>
    </>
  );
}

/** Comments in threads one level deep: each comment, its replies indented beneath it, and a reply form on demand. */
export function CommentsSection({ claimId, comments, canWrite }: { claimId: string; comments: CommentDto[]; canWrite: boolean }) {
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const threads = comments.filter((c) => !c.parentId);
  const replies = (id: string) => comments.filter((c) => c.parentId === id);
  return (
    <Stack gap="xs">
      {comments.length === 0 && (
        <Text size="sm" c="dimmed">
          No comments yet.
        </Text>
      )}
      {threads.map((c) => (
        <div key={c.id} role="group" aria-label={`Comment by ${c.author.name}`}>
          <CommentBody comment={c} />
          <Stack gap={4} pl="md" mt={4} style={{ borderLeft: replies(c.id).length ? '2px solid var(--mantine-color-gray-3)' : undefined }}>
            {replies(c.id).map((r) => (
              <div key={r.id}>
                <CommentBody comment={r} />
              </div>
            ))}
            {canWrite &&
              (replyingTo === c.id ? (
                <CommentForm claimId={claimId} parentId={c.id} label={`Reply to ${c.author.name}`} onDone={() => setReplyingTo(null)} />
              ) : (
                <Anchor component="button" type="button" size="xs" onClick={() => setReplyingTo(c.id)} style={{ alignSelf: 'flex-start' }}>
                  Reply
                </Anchor>
              ))}
          </Stack>
        </div>
      ))}
      {canWrite && <CommentForm claimId={claimId} label="Add a comment" />}
    </Stack>
  );
}

export function HistorySection({ claimId }: { claimId: string }) {
  const history = useQuery(claimQueries.history(claimId));
  if (history.isLoading)
    return (
      <Text size="sm" c="dimmed">
        Loading history…
      </Text>
    );
  if (history.error) return <ErrorText error={history.error} />;
  if (!history.data?.length)
    return (
      <Text size="sm" c="dimmed">
        No changes recorded yet.
      </Text>
    );
  return (
    <Stack gap={4} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {history.data.map((e) => (
        <Text key={e.id} component="li" size="xs">
          <Text span c="dimmed" size="xs">
            {formatDateTime(e.createdAt)}
          </Text>{' '}
          <Text span fw={600} size="xs">
            {e.actor?.name ?? 'System'}
          </Text>{' '}
          {describeEvent(e)}
        </Text>
      ))}
    </Stack>
  );
}
