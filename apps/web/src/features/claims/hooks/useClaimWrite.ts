// Writes to a claim with optimistic concurrency: a stale version (409) is kept as a conflict the user resolves, never dropped.
import type { ClaimDto, InfiniteData } from './types';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ApiError } from '../../../api/client';

export interface ClaimConflict {
  /** What the user tried to do, in words ("Flag", "Change priority"). */
  label: string;
  current: ClaimDto;
  retry(): Promise<void>;
  reload(): void;
}

/** Puts a changed claim into every cached list and detail, so the reader and tables update without a refetch. */
export function applyClaimToCache(client: QueryClient, claim: ClaimDto): void {
  client.setQueryData(['claim', claim.id], (old: object | undefined) => (old ? { ...old, ...claim } : old));
  client.setQueriesData({ queryKey: ['claims'] }, (old: unknown) => {
    if (Array.isArray(old)) return old.map((c: ClaimDto) => (c.id === claim.id ? { ...c, ...claim } : c));
    const pages = (old as InfiniteData | undefined)?.pages;
    if (pages) return { ...(old as InfiniteData), pages: pages.map((p) => ({ ...p, items: p.items.map((c) => (c.id === claim.id ? { ...c, ...claim } : c)) })) };
    return old;
  });
  void client.invalidateQueries({ queryKey: ['claim', claim.id] });
  void client.invalidateQueries({ queryKey: ['dashboard'] });
  void client.invalidateQueries({ queryKey: ['articles'] });
  void client.invalidateQueries({ queryKey: ['article', claim.articleId] });
}

export function useClaimWrite() {
  const client = useQueryClient();
  const [conflict, setConflict] = useState<ClaimConflict | null>(null);
  const [error, setError] = useState<{ claimId: string; label: string; error: unknown } | null>(null);

  const run = useCallback(
    async (claim: Pick<ClaimDto, 'id' | 'version'>, label: string, write: (version: number) => Promise<ClaimDto>): Promise<ClaimDto | null> => {
      setError(null);
      try {
        const updated = await write(claim.version);
        applyClaimToCache(client, updated);
        setConflict((c) => (c?.current.id === claim.id ? null : c));
        return updated;
      } catch (e) {
        const current = e instanceof ApiError && e.status === 409 ? (e.body.current as ClaimDto | undefined) : undefined;
        if (current) {
          setConflict({
            label,
            current,
            retry: async () => {
              setConflict(null);
              await run(current, label, write);
            },
            reload: () => {
              setConflict(null);
              applyClaimToCache(client, current);
            },
          });
          return null;
        }
        setError({ claimId: claim.id, label, error: e });
        return null;
      }
    },
    [client],
  );
  return { run, conflict, dismissConflict: () => setConflict(null), error, clearError: () => setError(null) };
}
export type ClaimWriter = ReturnType<typeof useClaimWrite>;
