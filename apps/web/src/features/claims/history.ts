// How the claim panel's history reads an audit event: in the desk's words, never a raw action name ("startresearch").
import type { AuditEventDto } from '@claimdesk/domain';
import { STATUS_LABELS } from '../../lib/claimStatus';

/** What a claim action did, as the history says it before "Flagged → In research". */
const CLAIM_ACTIONS_DONE: Record<string, string> = {
  flag: 'flagged',
  'bulk-flag': 'flagged with others',
  dismiss: 'dismissed',
  'bulk-dismiss': 'dismissed with others',
  startResearch: 'started research',
  submitForReview: 'submitted for review',
  textChanged: 'sent back for review: its text changed',
  approve: 'approved',
  requestChanges: 'sent back for changes',
  withdrawVerdict: 'withdrew the verdict',
  rate: 'rated',
  update: 'changed',
};

/** Events that do not move the claim, by "entity action". */
const EVENTS: Record<string, string> = {
  'claimSource attach': 'attached a source',
  'claimSource detach': 'removed a source',
  'verdict draft': 'drafted a verdict',
  'verdict create': 'drafted a verdict',
  'verdict propose': 'proposed a verdict',
  'verdict edit': 'edited the verdict',
  'verdict update': 'edited the verdict',
  'verdict withdraw': 'withdrew the verdict',
  'verdict approve': 'approved the verdict',
  'verdict requestChanges': 'sent the verdict back',
  'review approved': 'approved the verdict',
  'comment create': 'commented',
  'claim create': 'added the claim',
  'claim update': 'changed the claim',
  'claim rate': 'rated the claim',
};

export function describeEvent(e: Pick<AuditEventDto, 'entity' | 'action' | 'before' | 'after'>): string {
  const before = e.before as { status?: string } | null;
  const after = e.after as { status?: string } | null;
  if (before?.status && after?.status && before.status !== after.status) {
    const label = (s: string) => STATUS_LABELS[s as keyof typeof STATUS_LABELS] ?? words(s);
    return `${CLAIM_ACTIONS_DONE[e.action] ?? words(e.action)}: ${label(before.status)} → ${label(after.status)}`;
  }
  return EVENTS[`${e.entity} ${e.action}`] ?? `${words(e.entity)} ${words(e.action)}`;
}

/** `startResearch`, `bulk-flag`, `IN_RESEARCH` as words. */
function words(id: string): string {
  return id
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .toLowerCase();
}
