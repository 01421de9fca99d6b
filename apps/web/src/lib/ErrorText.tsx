// An API or network error in plain words, next to the action that caused it.
import { Alert } from '@mantine/core';
import { ApiError } from '../api/client';

function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const first = error.body.details[0];
    const msg = error.message || 'something went wrong';
    const text = first && !msg.includes(first.message) ? `${msg}: ${first.path ? `${first.path} ` : ''}${first.message}` : msg;
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}

export function ErrorText({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={title} p="xs">
      {describeError(error)}
    </Alert>
  );
}
