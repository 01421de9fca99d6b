// Flag and dismiss from the reader: checked against the claim workflow first, so a key press on the wrong claim explains
// itself instead of failing at the server; a dismissal asks for its reason. Results are announced in `notice`.
import { availableActions, type ReaderClaimDto, type DismissReason, type Role } from '@claimdesk/domain';
import { useCallback, useEffect, useState } from 'react';
import { STATUS_LABELS } from '../../../lib/claimStatus';
import type { ClaimWriter } from '../../claims';

const NO_CLAIM = 'Choose a claim first: press j to go to the next one.';

export function useReaderClaimActions(writer: ClaimWriter, role: Role) {
  const [notice, setNotice] = useState<string | null>(null);
  const [dismissing, setDismissing] = useState<ReaderClaimDto | null>(null);

  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice(null), 5000);
    return () => clearTimeout(t);
  }, [notice]);

  const flag = useCallback(
    (claim: ReaderClaimDto | undefined) => {
      if (!claim) return setNotice(NO_CLAIM);
      if (!availableActions(claim.status, role).includes('flag')) return setNotice(`This claim is ${STATUS_LABELS[claim.status]}; it cannot be flagged.`);
      void writer.transition(claim, 'flag').then((r) => r && setNotice('Claim flagged.'));
    },
    [writer, role],
  );
  const askDismiss = useCallback(
    (claim: ReaderClaimDto | undefined) => {
      if (!claim) return setNotice(NO_CLAIM);
      if (!availableActions(claim.status, role).includes('dismiss')) return setNotice(`This claim is ${STATUS_LABELS[claim.status]}; it cannot be dismissed.`);
      setDismissing(claim);
    },
    [role],
  );
  const confirmDismiss = (reason: DismissReason) => {
    const claim = dismissing!;
    setDismissing(null);
    void writer.transition(claim, 'dismiss', reason).then((r) => r && setNotice('Claim dismissed.'));
  };
  return { notice, flag, askDismiss, dismissing, confirmDismiss, cancelDismiss: () => setDismissing(null) };
}
