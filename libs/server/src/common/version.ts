// Optimistic concurrency: a write names the version it saw; a stale one gets 409 with the current state.
import { DomainError } from '@claimdesk/domain';

export function staleVersion(entity: string, current: unknown, updatedBy?: string | null): DomainError {
  const who = updatedBy ? ` by ${updatedBy}` : '';
  return new DomainError('STALE_VERSION', `this ${entity} was changed${who} since you loaded it; reload it or apply your change again on top`, [{ path: 'version', message: 'stale' }], current);
}

export function notFound(entity: string): DomainError {
  return new DomainError('NOT_FOUND', `${entity} not found`);
}
