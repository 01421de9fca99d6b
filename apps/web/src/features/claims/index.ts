// The claims feature's public surface for other features: claim data, the claim panel and its writer, verdict display and
// review (the claims page is loaded by the router on its own).
export { claimKeys, claimQueries } from './api/claimQueries';
/** The claim panel's code on its own (with the verdict and source forms and their schemas): for pages that open it later. */
export const loadClaimPanel = () => import('./components/ClaimPanel');
export { ConflictNotice } from './components/ConflictNotice';
/** The dismiss dialog's code on its own: the reader loads it after the first screen. */
export const loadDismissDialog = () => import('./components/DismissDialog');
export { ReviewActions, type ReviewActionsHandle } from './components/ReviewActions';
export { SourceItem } from './components/SourcesSection';
export { VerdictCard } from './components/VerdictSection';
export { useCreateClaim } from './hooks/useClaimMutations';
export { useClaimWriter, type ClaimWriter } from './hooks/useClaimWriter';
export { claimsTableHref } from './filters/claimFilterParams';
