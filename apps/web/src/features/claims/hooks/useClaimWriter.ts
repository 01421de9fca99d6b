// Workflow and field writes to a claim with optimistic concurrency: a stale version (409) is kept as a conflict the user
// resolves, never dropped. The reader and the claim panel share one writer, so a conflict shows once.
import type { ClaimAction, ClaimDto, DismissReason, Page } from '@claimdesk/domain';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { ApiError } from '../../../api/client';
import { ACTION_LABELS } from '../../../lib/claimStatus';
import { articleKeys } from '../../articles';
import { dashboardKeys } from '../../dashboard';
import { claimsApi } from '../api/claimsApi';
import { claimKeys } from '../api/claimQueries';

export interface ClaimConflict {
  /** What the user tried to do, in words ("Flag", "Change priority"). */
  label: string;
  current: ClaimDto;
  retry(): Promise<void>;
  reload(): void;
}

interface InfiniteClaims {
  pages: Array<Page<ClaimDto>>;
  pageParams: unknown[];
}

type ClaimRef = Pick<ClaimDto, 'id' | 'version'>;
type ClaimPatch = Parameters<typeof claimsApi.update>[1];

/** Puts a changed claim into every cached list and its detail, so the reader and tables update without a refetch. */
function applyClaimToCache(client: QueryClient, claim: ClaimDto): void {
  const merge = (c: ClaimDto) => (c.id === claim.id ? { ...c, ...claim } : c);
  client.setQueryData(claimKeys.detail(claim.id), (old: object | undefined) => (old ? { ...old, ...claim } : old));
  client.setQueriesData({ queryKey: claimKeys.lists() }, (old: ClaimDto[] | InfiniteClaims | undefined) => {
    if (Array.isArray(old)) return old.map(merge);
    if (old?.pages) return { ...old, pages: old.pages.map((p) => ({ ...p, items: p.items.map(merge) })) };
    return old;
  });
  void client.invalidateQueries({ queryKey: claimKeys.detail(claim.id) });
  void client.invalidateQueries({ queryKey: dashboardKeys.all });
  void client.invalidateQueries({ queryKey: articleKeys.lists() });
  void client.invalidateQueries({ queryKey: articleKeys.detail(claim.articleId) });
}

export function useClaimWriter() {
  const client = useQueryClient();
  const [conflict, setConflict] = useState<ClaimConflict | null>(null);
  const [error, setError] = useState<{ claimId: string; label: string; error: unknown } | null>(null);

  const run = useCallback(
    async (claim: ClaimRef, label: string, write: (version: number) => Promise<ClaimDto>): Promise<ClaimDto | null> => {
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

  /** Moves the claim along the workflow (a dismissal carries its reason). */
  const transition = useCallback(
    (claim: ClaimRef, action: ClaimAction, reason?: DismissReason) =>
      run(claim, action === 'dismiss' ? 'Dismiss' : ACTION_LABELS[action], (version) => claimsApi.transition(claim.id, reason ? { version, action, reason } : { version, action })),
    [run],
  );
  /** Changes fields of the claim (kind, priority, assignee); `label` names the change for error and conflict messages. */
  const update = useCallback((claim: ClaimRef, label: string, patch: Omit<ClaimPatch, 'version'>) => run(claim, label, (version) => claimsApi.update(claim.id, { version, ...patch })), [run]);

  const dismissConflict = useCallback(() => setConflict(null), []);
  const clearError = useCallback(() => setError(null), []);
  return useMemo(() => ({ transition, update, conflict, dismissConflict, error, clearError }), [transition, update, conflict, dismissConflict, error, clearError]);
}
export type ClaimWriter = ReturnType<typeof useClaimWriter>;
