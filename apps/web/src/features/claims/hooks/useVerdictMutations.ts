// Writes to verdicts. Each moves the claim along its workflow too (libs/domain VERDICT_TRANSITIONS), so it refreshes the
// claim, every claim list, the review queue, the article's counts and the dashboard.
import type { VerdictDto } from '@claimdesk/domain';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { articleKeys } from '../../articles';
import { dashboardKeys } from '../../dashboard';
import { claimsApi } from '../api/claimsApi';
import { claimKeys } from '../api/claimQueries';

/** The claim a verdict belongs to. */
export interface VerdictClaim {
  id: string;
  articleId: string;
}

interface VerdictInput {
  ratingKey: string;
  rationale: string;
  correction: string | null;
}

function invalidateVerdictClaim(client: QueryClient, claim: VerdictClaim): void {
  void client.invalidateQueries({ queryKey: claimKeys.detail(claim.id) });
  void client.invalidateQueries({ queryKey: claimKeys.lists() });
  void client.invalidateQueries({ queryKey: claimKeys.reviewQueue() });
  void client.invalidateQueries({ queryKey: articleKeys.lists() });
  void client.invalidateQueries({ queryKey: articleKeys.detail(claim.articleId) });
  void client.invalidateQueries({ queryKey: dashboardKeys.all });
}

/**
 * Drafts or proposes a verdict: edits the author's open verdict when `editing` is given, otherwise starts a new one.
 * `propose` sends it to review.
 */
export function useSaveVerdict(claim: VerdictClaim, editing: Pick<VerdictDto, 'id' | 'version'> | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ values, propose }: { values: VerdictInput; propose: boolean }) =>
      editing ? claimsApi.updateVerdict(editing.id, { ...values, propose, version: editing.version }) : claimsApi.createVerdict(claim.id, { ...values, propose }),
    onSuccess: () => invalidateVerdictClaim(client, claim),
  });
}

export function useWithdrawVerdict(claim: VerdictClaim) {
  const client = useQueryClient();
  return useMutation({ mutationFn: (verdict: Pick<VerdictDto, 'id' | 'version'>) => claimsApi.withdrawVerdict(verdict.id, verdict.version), onSuccess: () => invalidateVerdictClaim(client, claim) });
}

/** An editor's decision on a proposed verdict. */
export function useReviewVerdict(claim: VerdictClaim, verdict: Pick<VerdictDto, 'id' | 'version'>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { decision: 'APPROVED' | 'CHANGES_REQUESTED'; comment?: string; correctionNotice?: string | null }) => claimsApi.review(verdict.id, { ...body, version: verdict.version }),
    onSuccess: () => invalidateVerdictClaim(client, claim),
  });
}

/** Reloads one claim, after a stale write left the form holding the user's text. */
export function useReloadClaim() {
  const client = useQueryClient();
  return (claimId: string) => void client.invalidateQueries({ queryKey: claimKeys.detail(claimId) });
}
