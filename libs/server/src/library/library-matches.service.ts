// Matching in the claim panel: the library entries that may check a claim (ranked by @claimdesk/matching through the
// workspace's in-memory index), unverified look-alikes of the workspace (a separate call the panel makes after the
// matches, so the full-text query never holds up the library's answer), and "Same claim", which links an entry as a source.
import { Injectable } from '@nestjs/common';
import type { ClaimLookAlikesDto, ClaimMatchesDto, ClaimSourceDto, Stance } from '@claimdesk/domain';
import { ClaimsRepository, Database, LibraryRepository } from '@claimdesk/db';
import { Matcher } from '@claimdesk/matching';
import type { Actor } from '../common/actor';
import { notFound } from '../common/version';
import { ClaimsService } from '../claims/claims.service';
import { SourcesService } from '../sources/sources.service';
import { LibraryIndex } from './library-index';
import { checkedBefore, rankMatches, round, toEntryDto } from './library.mapper';

@Injectable()
export class LibraryMatchesService {
  constructor(
    private readonly db: Database,
    private readonly library: LibraryRepository,
    private readonly claimRows: ClaimsRepository,
    private readonly index: LibraryIndex,
    private readonly claims: ClaimsService,
    private readonly sources: SourcesService,
  ) {}

  /** The library entries that may check this claim, best first. */
  async matches(actor: Actor, claimId: string, limit: number): Promise<ClaimMatchesDto> {
    // The claim's text and the library's version in parallel: the ranking needs nothing else of the claim.
    const [text, index] = await Promise.all([this.claimRows.findText(this.db, actor.workspaceId, claimId), this.index.forRequest(actor.workspaceId)]);
    if (text === null) throw notFound('claim');
    const ranked = index.matcher ? rankMatches(index.matcher, claimId, text, limit) : [];
    // The index keeps only the entries' words: the rest of each entry returned is one primary-key read (an entry removed
    // since the index was built is left out).
    const rows = new Map(
      (
        await this.library.entriesByIds(
          this.db,
          actor.workspaceId,
          ranked.map((m) => m.entry.id),
        )
      ).map((r) => [r.id, r]),
    );
    const matches = ranked.flatMap((m) => {
      const row = rows.get(m.entry.id);
      return row ? [{ ...m, entry: row }] : [];
    });
    return {
      matches: matches.map((m, i) => ({ entry: toEntryDto(m.entry), rank: i + 1, score: round(m.score), strong: checkedBefore(m), possible: m.possible, reasons: m.reasons })),
      libraryVersion: index.version,
      stale: index.stale,
    };
  }

  /** Unverified claims of the workspace that read alike: full-text candidates, ranked by the same matcher as the library. */
  async lookAlikes(actor: Actor, claimId: string, limit: number): Promise<ClaimLookAlikesDto> {
    const { claim, similar } = await this.claims.similar(actor, claimId);
    const candidates = similar.filter((s) => s.claim.rating === null && !s.verdict);
    if (!candidates.length) return { similar: [] };
    const local = new Matcher(candidates.map((s) => ({ id: s.claim.id, claim: s.claim.text, title: null, similar: s })));
    return { similar: local.match(claim.text, { top: limit }).map((m) => ({ ...m.entry.similar, similarity: round(m.score) })) };
  }

  /** "Same claim": the entry becomes a source of the claim with the stance asked for; its rating is offered for a draft verdict. */
  async linkSameClaim(actor: Actor, claimId: string, entryId: string, stance: Stance): Promise<{ source: ClaimSourceDto; ratingKey: string | null }> {
    const entry = await this.library.findEntry(this.db, actor.workspaceId, entryId);
    if (!entry) throw notFound('library entry');
    const title = `${entry.publisher ?? 'Fact-check'}: ${entry.title ?? entry.claim}`.slice(0, 500);
    const publishedAt = entry.date && /^\d{4}-\d{2}-\d{2}/.test(entry.date) && !Number.isNaN(Date.parse(entry.date)) ? new Date(entry.date.slice(0, 10)).toISOString() : null;
    const source = await this.sources.attach(actor, claimId, {
      source: {
        url: entry.url && /^https?:\/\//i.test(entry.url) ? entry.url : null,
        title,
        publisher: entry.publisher?.slice(0, 200) ?? null,
        publishedAt,
        kind: 'WEB',
      },
      stance,
      excerpt: entry.claim.slice(0, 5000),
      note: entry.rating ? `Rated “${entry.rating}”${entry.publisher ? ` by ${entry.publisher}` : ''}`.slice(0, 5000) : null,
    });
    return { source, ratingKey: entry.ratingKey };
  }
}
