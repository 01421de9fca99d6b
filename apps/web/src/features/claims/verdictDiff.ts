// What a re-proposed verdict changed since an editor sent it back: word by word, from the verdict's own history.
import { diffWords } from 'diff';
import type { VerdictDto } from '@claimdesk/domain';

interface DiffPart {
  text: string;
  change: 'added' | 'removed' | 'same';
}

export interface FieldChange {
  field: 'Rating' | 'Rationale' | 'Correction';
  parts: DiffPart[];
}

/**
 * The changes between the version an editor sent back and the verdict now, for a verdict proposed again after a send-back;
 * null when it was never sent back or is not proposed again. Fields that did not change are left out.
 */
export function changesSinceSentBack(verdict: Pick<VerdictDto, 'state' | 'history' | 'ratingKey' | 'rationale' | 'correction'>, ratingLabel: (key: string) => string): FieldChange[] | null {
  if (verdict.state !== 'PROPOSED') return null;
  const sentBack = verdict.history.filter((h) => h.state === 'CHANGES_REQUESTED').at(-1);
  if (!sentBack) return null;
  const fields: Array<[FieldChange['field'], string, string]> = [
    ['Rating', ratingLabel(sentBack.ratingKey), ratingLabel(verdict.ratingKey)],
    ['Rationale', sentBack.rationale, verdict.rationale],
    ['Correction', sentBack.correction ?? '', verdict.correction ?? ''],
  ];
  return fields
    .filter(([, before, after]) => before !== after)
    .map(([field, before, after]) => ({
      field,
      parts: diffWords(before, after).map((p) => ({ text: p.value, change: p.added ? 'added' : p.removed ? 'removed' : 'same' })),
    }));
}
