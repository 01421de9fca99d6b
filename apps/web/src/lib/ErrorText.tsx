// An API or network error in plain words, next to the action that caused it.
import { Alert } from '@mantine/core';
import { ApiError } from '../api/client';

export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (isNotAvailable(error)) return 'This feature is not available on the server yet.';
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

export function isNotAvailable(error: unknown): boolean {
  // A route the server does not have yet answers 404 "Cannot GET /api/…" (Express's wording), unlike a missing record.
  return error instanceof ApiError && error.status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE) /.test(error.message);
}
