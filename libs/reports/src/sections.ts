// One walk over the entries for every format, so that the whole-model and streaming renderers emit the same bytes.
import type { ReportArticle, ReportEntry, ReportHeader } from './model';

export type SectionKind = 'corrections' | 'accurate';
const SECTIONS: readonly SectionKind[] = ['corrections', 'accurate'];

export interface SectionHooks {
  header(): string;
  openSection(kind: SectionKind): string;
  closeSection(kind: SectionKind, count: number): string;
  /** Range reports only: called when the article changes within a section. */
  openArticle?(article: ReportArticle | null, kind: SectionKind): string;
  closeArticle?(kind: SectionKind): string;
  /** index counts entries within the section, from 0. */
  entry(entry: ReportEntry, kind: SectionKind, index: number): string;
  footer(): string;
}

export interface ReportWriter {
  begin(): string;
  entry(entry: ReportEntry): string;
  end(): string;
}

export type EntrySource = Iterable<ReportEntry> | AsyncIterable<ReportEntry>;

export class EntryOrderError extends Error {
  constructor(claimId: string) {
    super(`Entry ${claimId} needs a correction but came after an accurate entry: stream corrections first, then accurate entries.`);
    this.name = 'EntryOrderError';
  }
}

function sectionKind(entry: ReportEntry): SectionKind {
  return entry.rating.needsCorrection ? 'corrections' : 'accurate';
}

/**
 * Entries must come corrections first, then accurate; in a range report, grouped by article within
 * each section (an article that comes back gets its heading again).
 */
export function sectionedWriter(header: ReportHeader, hooks: SectionHooks): ReportWriter {
  const grouped = header.scope.kind === 'range';
  let section = -1; // index into SECTIONS; -1 before the first section opens
  let count = 0;
  let articleOpen = false;
  let currentArticle: string | undefined;

  const closeArticle = (): string => {
    if (!articleOpen) return '';
    articleOpen = false;
    return hooks.closeArticle?.(SECTIONS[section]) ?? '';
  };

  /** Closes the open section and opens the following ones up to target, including empty ones in between. */
  const advanceTo = (target: number): string => {
    let out = '';
    while (section < target) {
      if (section >= 0) out += closeArticle() + hooks.closeSection(SECTIONS[section], count);
      section++;
      count = 0;
      currentArticle = undefined;
      out += hooks.openSection(SECTIONS[section]);
    }
    return out;
  };

  return {
    begin: () => hooks.header(),
    entry(entry) {
      const kind = sectionKind(entry);
      const target = SECTIONS.indexOf(kind);
      if (target < section) throw new EntryOrderError(entry.claimId);
      let out = advanceTo(target);
      if (grouped) {
        const key = entry.article?.id ?? '';
        if (!articleOpen || key !== currentArticle) {
          out += closeArticle();
          currentArticle = key;
          articleOpen = true;
          out += hooks.openArticle?.(entry.article ?? null, kind) ?? '';
        }
      }
      out += hooks.entry(entry, kind, count);
      count++;
      return out;
    },
    end() {
      let out = advanceTo(SECTIONS.length - 1);
      out += closeArticle() + hooks.closeSection(SECTIONS[section], count);
      return out + hooks.footer();
    },
  };
}

export function writeAll(writer: ReportWriter, entries: Iterable<ReportEntry>): string {
  const parts: string[] = [writer.begin()];
  for (const entry of entries) parts.push(writer.entry(entry));
  parts.push(writer.end());
  return parts.join('');
}

export async function* writeStream(writer: ReportWriter, entries: EntrySource): AsyncGenerator<string> {
  yield writer.begin();
  for await (const entry of entries) yield writer.entry(entry);
  yield writer.end();
}
