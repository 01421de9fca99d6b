// The import result in the desk's words.
import type { ImportResultDto } from '@claimdesk/domain';
import { countOf } from '../../lib/format';

/** What an import did, in plain sentences: what was found, what kept its place, what is new and what could not be placed. */
export function importSummary(result: Pick<ImportResultDto, 'created' | 'revision' | 'claims'>): string[] {
  const { detected, reanchored, orphaned, added } = result.claims;
  if (result.created) return [`Found ${countOf(detected, 'claim')} in the article.`];
  if (reanchored === 0 && added === 0 && orphaned === 0) return [`The text is the same as revision ${result.revision}; nothing changed.`];
  const lines = [`${countOf(reanchored, 'claim')} from the last revision ${reanchored === 1 ? 'keeps its' : 'keep their'} place in the new text, with ${reanchored === 1 ? 'its' : 'their'} work.`];
  if (added) lines.push(`${countOf(added, 'new claim')} detected in the new words.`);
  if (orphaned)
    lines.push(
      `${countOf(orphaned, 'claim')} could not be placed: ${orphaned === 1 ? 'its words are' : 'their words are'} gone, so ${orphaned === 1 ? 'it is' : 'they are'} kept as orphaned, sources and verdicts included.`,
    );
  return lines;
}
