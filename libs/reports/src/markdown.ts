// Markdown (CommonMark) corrections report. Every user string is escaped so that it can neither format nor inject HTML.
import {
  EMPTY_SECTION,
  SECTION_INTRO,
  SECTION_TITLE,
  STANCE_LABEL,
  approvalLine,
  articleByline,
  DRAFT_BANNER,
  changesSummary,
  footerLine,
  hedgeSentence,
  entryChangeNote,
  headerOf,
  paragraphLabel,
  ratingCounts,
  reportOrder,
  reportTitle,
  safeHttpUrl,
  versionLine,
  captureLine,
} from './format';
import type { ReportArticle, ReportEntry, ReportHeader, ReportModel } from './model';
import { type EntrySource, type ReportWriter, sectionedWriter, writeAll, writeStream } from './sections';

/** Escapes text for use inside a Markdown line; newlines become spaces. */
export function mdInline(text: string): string {
  return escapeLineStart(
    text
      .replace(/\s*[\r\n]+\s*/g, ' ')
      .replace(/[\\`*_{}[\]<>|~#]/g, '\\$&')
      .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&'),
  );
}

/** Block constructs only start a line: "# ", "> ", "- ", "+ ", "=", "1. ". */
function escapeLineStart(line: string): string {
  return line.replace(/^([+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * Escapes multi-line text. Lines break with a trailing backslash (a CommonMark hard break), blank lines
 * separate paragraphs; continuation lines get linePrefix (indentation and/or "> ").
 */
export function mdBlock(text: string, linePrefix = ''): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => mdInline(line.trim()))
        .filter((line) => line.length > 0),
    )
    .filter((lines) => lines.length > 0);
  return paragraphs.map((lines) => lines.join(`\\\n${linePrefix}`)).join(`\n${linePrefix.trimEnd()}\n${linePrefix}`);
}

/** A link for http(s) URLs; anything else is shown as escaped text, never as a link. */
function mdLink(text: string, url: string | null | undefined): string {
  const href = safeHttpUrl(url);
  if (!href) return mdInline(text);
  return `[${mdInline(text)}](${href.replace(/[()\\ <>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`;
}

function anchor(entry: ReportEntry): string {
  return `<a id="claim-${entry.claimId.replace(/[^A-Za-z0-9_-]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)}"></a>`;
}

function markdownWriter(header: ReportHeader): ReportWriter {
  const grouped = header.scope.kind === 'range';
  const entryHeading = grouped ? '####' : '###';

  const headerText = (): string => {
    const out: string[] = [`# ${mdInline(reportTitle(header))}`, ''];
    if (header.draft) out.push(`> **${mdInline(DRAFT_BANNER)}**`, '');
    const desk = header.workspace.name === header.workspace.organisation && !header.workspace.url ? '' : `, ${mdLink(header.workspace.name, header.workspace.url)}`;
    out.push(`**${mdInline(header.workspace.organisation)}**${desk}\\`);
    out.push(mdInline(versionLine(header)), '');
    if (header.scope.kind === 'article') {
      const { article } = header.scope;
      const byline = articleByline(article);
      out.push(`Article: ${mdLink(article.title, article.url)}${byline ? `, ${mdInline(byline)}` : ''}`, '');
      if (article.url && !safeHttpUrl(article.url)) out.push(`Article address: ${mdInline(article.url)}`, '');
    }
    out.push(`## ${SECTION_TITLE.summary}`, '');
    out.push(`- Claims checked: ${header.summary.claimsChecked}`);
    out.push(`- Corrections needed: ${header.summary.correctionsNeeded}`);
    const counts = ratingCounts(header);
    if (counts.length > 0) {
      out.push(`- By rating: ${counts.map((row) => `${mdInline(row.label)} ${row.count}`).join(', ')}`);
    }
    out.push('');
    const changes = changesSummary(header);
    if (changes) {
      out.push(`## ${SECTION_TITLE.changes}`, '', mdInline(changes.intro), '');
      for (const group of changes.groups) {
        const named = group.entries.map((e) => (group.title === 'Withdrawn' ? mdInline(e.label) : `[${mdInline(e.label)}](#claim-${encodeURIComponent(e.claimId)})`));
        out.push(`- ${group.title}: ${named.join('; ')}`);
      }
      if (changes.groups.length > 0) out.push('');
    }
    return out.join('\n') + '\n';
  };

  const sources = (entry: ReportEntry): string[] => {
    if (entry.sources.length === 0) return ['- **Sources:** none listed'];
    const out = ['- **Sources:**'];
    for (const source of entry.sources) {
      let line = `  - ${mdLink(source.title, source.url)}`;
      if (source.publisher) line += `, ${mdInline(source.publisher)}`;
      line += ` (${STANCE_LABEL[source.stance].toLowerCase()})`;
      out.push(line);
      if (source.url && !safeHttpUrl(source.url)) out.push(`    Address given, not linked: ${mdInline(source.url)}`);
      if (source.capture) {
        const archived = safeHttpUrl(source.capture.archivedUrl);
        out.push(`    ${mdInline(captureLine(source.capture))}${archived ? ` (${mdLink('archived text', archived)})` : ''}`);
      }
      if (source.excerpt) out.push(`    > ${mdBlock(source.excerpt, '    > ')}`);
    }
    return out;
  };

  return sectionedWriter(header, {
    header: headerText,
    openSection: (kind) => (kind === 'corrections' ? `## ${SECTION_TITLE.corrections}\n\n` : `## ${SECTION_TITLE.accurate}\n\n${SECTION_INTRO.accurate}\n\n`),
    closeSection: (kind, count) => (count === 0 ? `${EMPTY_SECTION[kind]}\n\n` : ''),
    openArticle: (article: ReportArticle | null) => {
      if (!article) return `### Article not recorded\n\n`;
      const byline = articleByline(article);
      return `### Article: ${mdLink(article.title, article.url)}\n\n${byline ? `${mdInline(byline)}\n\n` : ''}`;
    },
    entry: (entry) => {
      const out: string[] = [anchor(entry), `${entryHeading} ${paragraphLabel(entry)}`, ''];
      const note = entryChangeNote(entry, header);
      if (note) out.push(`*${note}*`, '');
      out.push(`> ${mdBlock(entry.quote, '> ')}`, '');
      if (entry.hedges.length > 0) {
        out.push(`- **Hedges:** ${mdInline(hedgeSentence(entry.hedges))}`);
      }
      if (entry.attribution) out.push(`- **Attribution:** ${mdInline(entry.attribution)}`);
      out.push(`- **Verdict:** ${mdInline(entry.rating.label)}`);
      if (entry.correction) out.push(`- **Correction:** ${mdBlock(entry.correction, '  ')}`);
      if (entry.rationale) out.push(`- **Rationale:** ${mdBlock(entry.rationale, '  ')}`);
      out.push(...sources(entry));
      out.push(`- ${mdInline(approvalLine(entry))}`, '');
      return out.join('\n') + '\n';
    },
    footer: () => `---\n\n${mdInline(footerLine(header))}\n`,
  });
}

export function renderMarkdown(model: ReportModel): string {
  return writeAll(markdownWriter(headerOf(model)), reportOrder(model));
}

/**
 * Markdown for a report too large to hold: entries arrive corrections first, then accurate ones
 * (grouped by article in a range report). Same bytes as renderMarkdown for the same entries.
 */
export function renderMarkdownStream(header: ReportHeader, entries: EntrySource): AsyncIterable<string> {
  return writeStream(markdownWriter(header), entries);
}
