// Writes around a claim other than its workflow: new claims, bulk triage, comments and sources. Each hook refreshes what
// its write changes.
import type { DismissReason, ReaderClaimDto } from '@claimdesk/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { articleKeys } from '../../articles';
import { dashboardKeys } from '../../dashboard';
import { claimsApi } from '../api/claimsApi';
import { claimKeys, sourceKeys } from '../api/claimQueries';

/** A claim marked by hand in the reader: it joins the article's claims at once, and the article's counts change. */
export function useCreateClaim(articleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { revisionId: string; start: number; end: number; splitFrom?: string; copySources?: boolean }) => claimsApi.create(body),
    onSuccess: (claim) => {
      client.setQueryData<ReaderClaimDto[]>(claimKeys.ofArticle(articleId), (old) => (old ? [...old, claim] : [claim]));
      void client.invalidateQueries({ queryKey: claimKeys.lists() });
      void client.invalidateQueries({ queryKey: articleKeys.lists() });
      void client.invalidateQueries({ queryKey: articleKeys.detail(articleId) });
      void client.invalidateQueries({ queryKey: dashboardKeys.all });
    },
  });
}

/** Flags or dismisses many claims, across articles. */
export function useBulkClaimAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { action: 'flag' | 'dismiss'; claimIds: string[]; reason?: DismissReason }) => claimsApi.bulk(body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: articleKeys.all });
      void client.invalidateQueries({ queryKey: dashboardKeys.all });
    },
  });
}

export function useAddComment(claimId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, parentId }: { body: string; parentId?: string }) => claimsApi.addComment(claimId, body, parentId),
    onSuccess: () => void client.invalidateQueries({ queryKey: claimKeys.detail(claimId) }),
  });
}

/** Attaches a source (from the library or new, which then joins the library). */
export function useAttachSource(claimId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Parameters<typeof claimsApi.attachSource>[1]) => claimsApi.attachSource(claimId, body),
    onSuccess: (link) => {
      void client.invalidateQueries({ queryKey: claimKeys.detail(claimId) });
      // The page is captured in the background; the panel shows the capture once it is there (or its absence stays).
      if (link.captureJobId)
        void claimsApi
          .capturedAfterAttach(link.captureJobId)
          .catch(() => undefined)
          .then(() => client.invalidateQueries({ queryKey: claimKeys.detail(claimId) }));
      void client.invalidateQueries({ queryKey: sourceKeys.all });
    },
  });
}

export function useDetachSource(claimId: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: (linkId: string) => claimsApi.detachSource(claimId, linkId), onSuccess: () => void client.invalidateQueries({ queryKey: claimKeys.detail(claimId) }) });
}

/** Captures a source's page again (a background job), then refreshes the claim panel. */
export function useCaptureSource(claimId: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: (sourceId: string) => claimsApi.captureSource(sourceId), onSettled: () => void client.invalidateQueries({ queryKey: claimKeys.detail(claimId) }) });
}

/** Quotes a passage of a capture as a source link's excerpt. */
export function useQuoteExcerpt(claimId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ linkId, ...body }: { linkId: string; snapshotId: string; start: number; end: number }) => claimsApi.quoteExcerpt(claimId, linkId, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: claimKeys.detail(claimId) }),
  });
}
