// Self-contained, printable HTML corrections report: inline CSS, no scripts, every user string escaped.
import { renderClaimReviewJsonLd } from './claim-review';
import {
  EMPTY_SECTION,
  SECTION_INTRO,
  SECTION_TITLE,
  STANCE_LABEL,
  approvalLine,
  articleByline,
  captureLine,
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
} from './format';
import type { ReportArticle, ReportEntry, ReportHeader, ReportModel } from './model';
import { type EntrySource, type ReportWriter, sectionedWriter, writeAll, writeStream } from './sections';

export interface HtmlRenderOptions {
  /**
   * The address the report is published at. When given, the page embeds its schema.org ClaimReview
   * markup (JSON-LD), which is how search engines and fact-check aggregators find it.
   */
  reportUrl?: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** A link only for http(s) URLs; a javascript: or other address is shown as text. */
function link(text: string, url: string | null | undefined): string {
  const href = safeHttpUrl(url);
  if (!href) return escapeHtml(text);
  return `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${escapeHtml(text)}</a>`;
}

function claimAnchor(claimId: string): string {
  return `claim-${claimId}`;
}

const CSS = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5c5c5c; --rule: #d0d0d0; --wrong: #a4161a; --right: #2b6a3a; --note: #7a5200; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem 4rem; font: 16px/1.55 Georgia, "Times New Roman", serif; color: var(--ink); background: #fff; }
h1, h2, h3, h4 { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.25; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2.25rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 1.75rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.5rem 0 .5rem; }
a { color: #0b4f9c; }
.meta, .byline, .approval, .intro { color: var(--muted); font-size: .92rem; }
.summary dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
.summary dt { font-weight: bold; }
.summary dd { margin: 0; }
.draft-banner { margin: 0 0 1rem; padding: .5rem 1rem; border: 2px solid var(--wrong); color: var(--wrong); font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-weight: bold; }
.changes { margin-top: 1.5rem; border-left: 4px solid var(--note); padding: .25rem 1rem; background: #fff8e6; }
.changes h2 { margin-top: .75rem; }
.entry { border-top: 1px solid var(--rule); padding-top: .25rem; }
.entry blockquote { margin: .75rem 0; padding: .25rem 1rem; border-left: 4px solid var(--rule); font-style: italic; }
.entry dl { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1rem; margin: .5rem 0; }
.entry dt { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: .85rem; font-weight: bold; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); padding-top: .15rem; }
.entry dd { margin: 0; }
.text { white-space: pre-line; overflow-wrap: anywhere; }
.label { display: inline-block; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-weight: bold; padding: 0 .5rem; border-radius: 3px; border: 1px solid currentColor; }
.needs-correction .label { color: var(--wrong); }
.accurate .label { color: var(--right); }
.correction { font-weight: bold; }
.change-note { color: var(--note); font-weight: bold; font-size: .9rem; }
.sources { margin: 0; padding-left: 1.1rem; }
.sources li { margin-bottom: .35rem; }
.stance { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.capture { display: block; color: var(--muted); font-size: .8rem; font-family: ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.excerpt { display: block; color: var(--muted); font-style: italic; }
.unlinked { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85rem; overflow-wrap: anywhere; }
footer { margin-top: 3rem; border-top: 1px solid var(--rule); padding-top: .5rem; color: var(--muted); font-size: .85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .8em; color: var(--muted); overflow-wrap: anywhere; }
  h2, h3, h4, .change-note { break-after: avoid-page; page-break-after: avoid; }
  .entry blockquote, .entry dd, .sources li { break-inside: avoid-page; page-break-inside: avoid; }
  .changes { background: none; }
}
@page { margin: 18mm 16mm; }
`.trim();

function htmlWriter(header: ReportHeader, jsonLd: string | null): ReportWriter {
  const grouped = header.scope.kind === 'range';
  const h = grouped ? 'h4' : 'h3';
  const title = reportTitle(header);

  const headerText = (): string => {
    const out: string[] = [
      '<!DOCTYPE html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      // No script may run in a report, whatever slipped into its text.
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
      '<meta name="generator" content="ClaimDesk">',
      `<title>${escapeHtml(title)}</title>`,
      `<style>\n${CSS}\n</style>`,
    ];
    if (jsonLd) out.push(`<script type="application/ld+json">\n${jsonLd}</script>`);
    out.push('</head>', '<body>', '<header>');
    if (header.draft) out.push(`<p class="draft-banner" role="note">${escapeHtml(DRAFT_BANNER)}</p>`);
    out.push(`<h1>${escapeHtml(title)}</h1>`);
    out.push(
      `<p class="meta"><strong>${escapeHtml(header.workspace.organisation)}</strong>${header.workspace.name === header.workspace.organisation && !header.workspace.url ? '' : `, ${link(header.workspace.name, header.workspace.url)}`}<br>${escapeHtml(versionLine(header))}</p>`,
    );
    if (header.scope.kind === 'article') {
      const { article } = header.scope;
      const byline = articleByline(article);
      out.push(`<p class="byline">Article: ${link(article.title, article.url)}${byline ? `, ${escapeHtml(byline)}` : ''}${unlinkedUrl(article.url)}</p>`);
    }
    out.push('</header>', '<main>');
    out.push(`<section class="summary" aria-labelledby="summary">`, `<h2 id="summary">${SECTION_TITLE.summary}</h2>`, '<dl>');
    out.push(`<dt>Claims checked</dt><dd>${header.summary.claimsChecked}</dd>`);
    out.push(`<dt>Corrections needed</dt><dd>${header.summary.correctionsNeeded}</dd>`);
    const counts = ratingCounts(header);
    if (counts.length > 0) {
      out.push(`<dt>By rating</dt><dd>${counts.map((row) => `${escapeHtml(row.label)} ${row.count}`).join(', ')}</dd>`);
    }
    out.push('</dl>', '</section>');
    const changes = changesSummary(header);
    if (changes) {
      out.push(`<section class="changes" aria-labelledby="changes">`, `<h2 id="changes">${SECTION_TITLE.changes}</h2>`);
      out.push(`<p>${escapeHtml(changes.intro)}</p>`);
      if (changes.groups.length > 0) {
        out.push('<ul>');
        for (const group of changes.groups) {
          const named = group.entries.map((e) =>
            group.title === 'Withdrawn' ? escapeHtml(e.label) : `<a href="#${escapeHtml(encodeURIComponent(claimAnchor(e.claimId)))}">${escapeHtml(e.label)}</a>`,
          );
          out.push(`<li>${group.title}: ${named.join('; ')}</li>`);
        }
        out.push('</ul>');
      }
      out.push('</section>');
    }
    return out.join('\n') + '\n';
  };

  const sources = (entry: ReportEntry): string => {
    if (entry.sources.length === 0) return '<dt>Sources</dt><dd>None listed</dd>';
    const items = entry.sources.map((source) => {
      let item = `<li><span class="stance">${STANCE_LABEL[source.stance]}</span> ${link(source.title, source.url)}`;
      if (source.publisher) item += `, ${escapeHtml(source.publisher)}`;
      item += unlinkedUrl(source.url);
      if (source.capture) {
        const archived = safeHttpUrl(source.capture.archivedUrl);
        item += `<span class="capture">${escapeHtml(captureLine(source.capture))}${archived ? ` · <a href="${escapeHtml(archived)}" rel="nofollow">archived text</a>` : ''}</span>`;
      }
      if (source.excerpt) item += `<q class="excerpt text">${escapeHtml(source.excerpt)}</q>`;
      return `${item}</li>`;
    });
    return `<dt>Sources</dt><dd><ul class="sources">\n${items.join('\n')}\n</ul></dd>`;
  };

  return sectionedWriter(header, {
    header: headerText,
    openSection: (kind) =>
      kind === 'corrections'
        ? `<section class="corrections" aria-labelledby="corrections">\n<h2 id="corrections">${SECTION_TITLE.corrections}</h2>\n`
        : `<section class="accurate" aria-labelledby="accurate">\n<h2 id="accurate">${SECTION_TITLE.accurate}</h2>\n<p class="intro">${SECTION_INTRO.accurate}</p>\n`,
    closeSection: (kind, count) => `${count === 0 ? `<p>${EMPTY_SECTION[kind]}</p>\n` : ''}</section>\n`,
    openArticle: (article: ReportArticle | null) => {
      if (!article) return `<h3>Article not recorded</h3>\n`;
      const byline = articleByline(article);
      return `<h3>Article: ${link(article.title, article.url)}</h3>\n${byline ? `<p class="byline">${escapeHtml(byline)}${unlinkedUrl(article.url)}</p>\n` : ''}`;
    },
    entry: (entry, kind) => {
      const cls = kind === 'corrections' ? 'entry needs-correction' : 'entry';
      const out: string[] = [`<article class="${cls}" id="${escapeHtml(claimAnchor(entry.claimId))}">`, `<${h}>${paragraphLabel(entry)}</${h}>`];
      const note = entryChangeNote(entry, header);
      if (note) out.push(`<p class="change-note">${escapeHtml(note)}</p>`);
      out.push(`<blockquote class="text">${escapeHtml(entry.quote)}</blockquote>`, '<dl>');
      if (entry.hedges.length > 0) {
        out.push(`<dt>Hedges</dt><dd>${escapeHtml(hedgeSentence(entry.hedges))}</dd>`);
      }
      if (entry.attribution) out.push(`<dt>Attribution</dt><dd>${escapeHtml(entry.attribution)}</dd>`);
      out.push(`<dt>Verdict</dt><dd><span class="label">${escapeHtml(entry.rating.label)}</span></dd>`);
      if (entry.correction) out.push(`<dt>Correction</dt><dd class="correction text">${escapeHtml(entry.correction)}</dd>`);
      if (entry.rationale) out.push(`<dt>Rationale</dt><dd class="text">${escapeHtml(entry.rationale)}</dd>`);
      out.push(sources(entry), '</dl>', `<p class="approval">${escapeHtml(approvalLine(entry))}</p>`, '</article>');
      return out.join('\n') + '\n';
    },
    footer: () => ['</main>', `<footer>${escapeHtml(`${footerLine(header)} ${versionLine(header)}.`)}</footer>`, '</body>', '</html>', ''].join('\n'),
  });
}

/** An address that is not http(s) is still shown, as inert text, so that the reader knows what was cited. */
function unlinkedUrl(url: string | null | undefined): string {
  if (!url || safeHttpUrl(url)) return '';
  return ` <span class="unlinked">(address not linked: ${escapeHtml(url)})</span>`;
}

/** JSON inside a script element: "<" is escaped so that no "</script>" or "<!--" in the data can end the element. */
function scriptSafeJson(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function renderHtml(model: ReportModel, opts: HtmlRenderOptions = {}): string {
  const jsonLd = opts.reportUrl ? scriptSafeJson(renderClaimReviewJsonLd(model, { reportUrl: opts.reportUrl })) : null;
  return writeAll(htmlWriter(headerOf(model), jsonLd), reportOrder(model));
}

/** HTML for a report too large to hold; entries in report order (see renderMarkdownStream). No JSON-LD. */
export function renderHtmlStream(header: ReportHeader, entries: EntrySource): AsyncIterable<string> {
  return writeStream(htmlWriter(header, null), entries);
}
