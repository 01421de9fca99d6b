// Runs in a document worker thread: a library's match index built from its entries' texts, handed back as a snapshot
// whose typed arrays are transferred, not copied, so the event loop that receives it only wraps them.
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { buildIndexSnapshot, snapshotBuffers } from '@claimdesk/matching';

/** Between texts in `claims` and `titles`: one string each crosses to the thread as one copy, not one per entry. */
export const TEXT_SEPARATOR = '\u0000';

export interface IndexTask {
  /** The entries' claims, in index order, joined by TEXT_SEPARATOR (which the texts never hold: see `indexTask`). */
  claims: string;
  /** Their headlines ('' for none), the same way. */
  titles: string;
  count: number;
}

/** The task for these entries' texts. */
export function indexTask(entries: Array<{ claim: string; title: string | null }>): IndexTask {
  const clean = (s: string) => s.replaceAll(TEXT_SEPARATOR, ' ');
  return { claims: entries.map((e) => clean(e.claim)).join(TEXT_SEPARATOR), titles: entries.map((e) => clean(e.title ?? '')).join(TEXT_SEPARATOR), count: entries.length };
}

export default function buildIndex(task: IndexTask) {
  const claims = task.count ? task.claims.split(TEXT_SEPARATOR) : [];
  const titles = task.count ? task.titles.split(TEXT_SEPARATOR) : [];
  const snapshot = buildIndexSnapshot(claims.map((claim, i) => ({ id: String(i), claim, title: titles[i] })));
  return move({
    get [transferableSymbol]() {
      return snapshotBuffers(snapshot);
    },
    get [valueSymbol]() {
      return snapshot;
    },
  });
}
