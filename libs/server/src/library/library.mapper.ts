// Library rows and matches to API responses, and the product's rule for "checked before".
import type { LibraryEntryDto } from '@claimdesk/domain';
import type { LibraryEntryRow, LibraryEntryText } from '@claimdesk/db';
import type { Match, Matcher } from '@claimdesk/matching';

/**
 * "Checked before": the re-ranker's strong match (score at or above the threshold chosen on the dev split, where the top
 * match is right 90% of the time) that also shares at least one name, number or date with the claim and
 * disagrees on none. The score alone is over-confident on small libraries, where a claim with nothing in common can
 * still come out on top; a match that conflicts on a year or a number is shown with its warning but marks nothing.
 */
export function checkedBefore(match: Pick<Match<LibraryEntryText>, 'strong' | 'reasons'>): boolean {
  const r = match.reasons;
  return match.strong && r.conflicts.length === 0 && r.names.length + r.numbers.length + r.dates.length > 0;
}

/** The top matches of a claim, leaving out the entry of its own approved verdict. */
export function rankMatches<E extends LibraryEntryText>(matcher: Matcher<E>, claimId: string, text: string, limit: number) {
  return matcher
    .match(text, { top: limit + 1 })
    .filter((m) => m.entry.claimId !== claimId)
    .slice(0, limit)
    .map((m, i) => ({ ...m, rank: i + 1 }));
}

export function toEntryDto(row: LibraryEntryRow): LibraryEntryDto {
  return {
    id: row.id,
    origin: row.origin === 'verdict' ? 'verdict' : 'import',
    importId: row.importId,
    fileName: row.fileName,
    verdictId: row.verdictId,
    claimId: row.claimId,
    claim: row.claim,
    title: row.title,
    rating: row.rating,
    ratingKey: row.ratingKey,
    publisher: row.publisher,
    url: row.url,
    date: row.date,
    language: row.language,
    claimant: row.claimant,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

export const round = (n: number) => Math.round(n * 1000) / 1000;
