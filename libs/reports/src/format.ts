// Wording and value formatting shared by every human-readable format, so that they all say the same thing.
import type { ReportArticle, ReportChanges, ReportEntry, ReportHeader, ReportModel, ReportSource, SourceStance } from './model';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2024-06-14 09:30 UTC". Written by hand: Intl output differs between ICU versions and would break byte-stability. */
function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` + `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** "2024-06-14" (UTC). */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The URL, normalised, when it is an absolute http(s) URL; null for anything else (javascript:, data:, relative…). */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

export const STANCE_LABEL: Record<SourceStance, string> = {
  SUPPORTS: 'Supports',
  REFUTES: 'Refutes',
  CONTEXT: 'Context',
};

export function paragraphLabel(entry: ReportEntry): string {
  return `Paragraph ${entry.paragraph + 1}`;
}

export function reportTitle(header: ReportHeader): string {
  return header.scope.kind === 'article'
    ? `Corrections report: ${header.scope.article.title}`
    : `Corrections report: ${header.workspace.name}, ${formatDate(header.scope.from)} to ${formatDate(header.scope.to)}`;
}

/** "Version 2, generated 2024-06-14 09:30 UTC"; a draft says it is not published. */
export function versionLine(header: ReportHeader): string {
  if (header.draft) return `Draft, not published (would be version ${header.version}), generated ${formatDateTime(header.generatedAt)}`;
  return `Version ${header.version}, generated ${formatDateTime(header.generatedAt)}`;
}

/** The banner a draft carries at its top, in every human-readable format. */
export const DRAFT_BANNER = 'DRAFT: not published. This shows the approved verdicts as they stand now and may still change.';

/** The last line: who published the report, or, for a draft, that nobody has. */
export function footerLine(header: ReportHeader): string {
  return header.draft ? `Draft made with ClaimDesk for ${header.workspace.organisation}; not published.` : `Published by ${header.workspace.organisation} with ClaimDesk.`;
}

/** "The article hedged this claim with ‘could’ and ‘reportedly’." */
export function hedgeSentence(hedges: Array<{ text: string }>): string {
  const words = [...new Set(hedges.map((cue) => cue.text.trim()))].map((word) => `‘${word}’`);
  const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}` : (words[0] ?? '');
  return `The article hedged this claim with ${list}.`;
}

/** "by Xenia Oana Cojocaru, published 2024-06-10" or '' */
export function articleByline(article: { author?: string | null; publishedAt?: string | null }): string {
  const parts: string[] = [];
  if (article.author) parts.push(`by ${article.author}`);
  if (article.publishedAt) parts.push(`published ${formatDate(article.publishedAt)}`);
  return parts.join(', ');
}

/** The article an entry belongs to: its own (range reports) or the report's. */
export function entryArticle(entry: ReportEntry, header: ReportHeader): ReportArticle | null {
  if (entry.article) return entry.article;
  return header.scope.kind === 'article' ? header.scope.article : null;
}

function articleKey(entry: ReportEntry): string {
  return entry.article?.id ?? '';
}

/** Rating counts that are not zero: "False 1 · True 2". */
export function ratingCounts(header: ReportHeader): Array<{ label: string; count: number }> {
  return header.summary.byRating.filter((row) => row.count > 0).map(({ label, count }) => ({ label, count }));
}

/** "Title (Publisher) <url> [REFUTES]", the one-line form used in CSV. */
/** "captured 2026-11-30 14:05 UTC, SHA-256 <64 hex digits>" for a cited source's capture. */
export function captureLine(capture: NonNullable<ReportSource['capture']>): string {
  return `captured ${formatDateTime(capture.capturedAt)}, SHA-256 ${capture.sha256}`;
}

export function sourceOneLine(source: ReportSource): string {
  let text = source.title;
  if (source.publisher) text += ` (${source.publisher})`;
  if (source.url) text += ` <${source.url}>`;
  text += ` [${source.stance}]`;
  if (source.capture) text += ` (${captureLine(source.capture)})`;
  return text;
}

export function approvalLine(entry: ReportEntry): string {
  return `Approved by ${entry.approvedBy} on ${formatDateTime(entry.approvedAt)}`;
}

export const SECTION_TITLE = {
  summary: 'Summary',
  changes: 'Correction to the corrections',
  corrections: 'Corrections',
  accurate: 'Checked and found accurate',
} as const;

export const EMPTY_SECTION = {
  corrections: 'No claim in this report needs a correction.',
  accurate: 'No other claims were checked.',
} as const;

export const SECTION_INTRO = {
  accurate: 'These claims were checked and need no correction.',
} as const;

/** One entry a new version added, changed or withdrew, as a reader names it: "paragraph 5, “The surprise meeting…”". */
export interface ChangedEntryLabel {
  claimId: string;
  label: string;
}

/**
 * The "correction to the corrections" summary. The places come with the changes (a streaming renderer writes this
 * before any entry), so each entry is named by its paragraph and words, never by an id.
 */
export function changesSummary(header: ReportHeader): { intro: string; groups: Array<{ title: string; entries: ChangedEntryLabel[] }> } | null {
  const changes = header.changesSinceLastVersion;
  if (!changes) return null;
  const count = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;
  const places = new Map((changes.places ?? []).map((p) => [p.claimId, p]));
  const labels = (claimIds: string[]): ChangedEntryLabel[] =>
    claimIds.map((claimId) => {
      const place = places.get(claimId);
      return { claimId, label: place ? `paragraph ${place.paragraph + 1}, “${truncateWords(place.quote, 80)}”` : 'an entry of an earlier version' };
    });
  const groups = [
    { title: 'Added', entries: labels(changes.added) },
    { title: 'Changed', entries: labels(changes.changed) },
    { title: 'Withdrawn', entries: labels(changes.removed) },
  ].filter((group) => group.entries.length > 0);
  const intro =
    groups.length === 0
      ? `This version replaces version ${changes.previousVersion}; no entry changed.`
      : `This version replaces version ${changes.previousVersion}: ` +
        groups.map((g) => `${count(g.entries.length)} ${g.title.toLowerCase()}`).join(', ') +
        '. Added and changed entries are marked below.';
  return { intro, groups };
}

/** "New in version 2" / "Changed in version 2" for entries the previous version did not have or had differently. */
export function entryChangeNote(entry: ReportEntry, header: ReportHeader): string | null {
  const changes = header.changesSinceLastVersion;
  if (!changes) return null;
  let sets = changeSets.get(changes);
  if (!sets) {
    sets = { added: new Set(changes.added), changed: new Set(changes.changed) };
    changeSets.set(changes, sets);
  }
  if (sets.added.has(entry.claimId)) return `New in version ${header.version}`;
  if (sets.changed.has(entry.claimId)) return `Changed in version ${header.version}`;
  return null;
}

const changeSets = new WeakMap<ReportChanges, { added: Set<string>; changed: Set<string> }>();

/** Shortens text to at most max UTF-16 units on a word boundary, ending with "…"; never splits a surrogate pair. */
export function truncateWords(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  let cut = clean.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  if (lastSpace > max / 3) cut = cut.slice(0, lastSpace);
  else if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/[\s,;:.\-–—(“‘"']+$/u, '');
  return `${cut}…`;
}

/** Entries in report order: corrections then accurate; in a range report, each group's entries stay together by article (stable). */
export function reportOrder(model: ReportModel): ReportEntry[] {
  if (model.scope.kind === 'article') return [...model.corrections, ...model.accurate];
  return [...groupByArticle(model.corrections), ...groupByArticle(model.accurate)];
}

function groupByArticle(entries: ReportEntry[]): ReportEntry[] {
  const groups = new Map<string, ReportEntry[]>();
  for (const entry of entries) {
    const key = articleKey(entry);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups.values()].flat();
}

/** The model without its entries, as a streaming renderer receives it. */
export function headerOf(model: ReportModel): ReportHeader {
  const { schemaVersion, draft, workspace, scope, version, generatedAt, ratingScale, summary, changesSinceLastVersion } = model;
  return { schemaVersion, ...(draft ? { draft } : {}), workspace, scope, version, generatedAt, ratingScale, summary, changesSinceLastVersion };
}
