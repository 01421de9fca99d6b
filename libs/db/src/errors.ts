// Database failures as domain errors, in one place, whichever path raised them: a Prisma model call, Prisma raw SQL
// (the driver adapter's error inside a Prisma error), or a statement sent straight to the pg pool.
import { DomainError } from '@claimdesk/domain';

/** The PostgreSQL SQLSTATE behind an error, when there is one. */
export function sqlStateOf(error: unknown): string | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as { name?: unknown; code?: unknown; severity?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: unknown } } };
  const adapterCause = e.meta?.driverAdapterError?.cause ?? (e.name === 'DriverAdapterError' ? e.cause : undefined);
  if (adapterCause && typeof adapterCause === 'object') {
    const c = adapterCause as { originalCode?: unknown; code?: unknown };
    if (typeof c.originalCode === 'string') return c.originalCode;
    if (typeof c.code === 'string' && c.code !== 'N/A') return c.code;
  }
  // node-postgres DatabaseError: a five-character code next to a severity.
  if (typeof e.code === 'string' && typeof e.severity === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  return null;
}

/** Prisma's own error code (P2002, P2025, …) of a known request error. */
export function prismaCodeOf(error: unknown): string | null {
  const e = error as { code?: unknown; clientVersion?: unknown } | null;
  return e && typeof e === 'object' && typeof e.code === 'string' && typeof e.clientVersion === 'string' && /^P\d{4}$/.test(e.code) ? e.code : null;
}

/** A serialization failure or deadlock: the transaction did nothing and may simply be run again. */
export function isRetryable(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state === '40001' || state === '40P01' || prismaCodeOf(error) === 'P2034';
}

const BUSY = 'the server is too busy to take this change now; nothing was saved, try again';

/** The domain error a database failure means to the caller, or null when it is a bug (500). */
export function toDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  const state = sqlStateOf(error);
  const prisma = prismaCodeOf(error);
  if (state === '23505' || prisma === 'P2002') return new DomainError('CONFLICT', 'a record with the same unique value already exists');
  if (isRetryable(error)) return new DomainError('UNAVAILABLE', 'another change got in the way; nothing was saved, try again');
  if (state === '22P02') return new DomainError('VALIDATION_FAILED', 'a value is not in the form its field needs', [{ path: '', message: 'invalid value' }]);
  if (state === '22003') return new DomainError('VALIDATION_FAILED', 'a number is out of range for its field', [{ path: '', message: 'out of range' }]);
  if (state === '53300' || state === '57014' || prisma === 'P2028' || prisma === 'P2024') return new DomainError('UNAVAILABLE', BUSY);
  if (prisma === 'P2025') return new DomainError('NOT_FOUND', 'not found');
  return null;
}

/** Runs `work` again (up to `attempts` times in all, with a short, growing pause) while it fails with a serialization failure or deadlock. */
export async function withRetry<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}
