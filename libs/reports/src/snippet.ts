// The corrections of a published version as a snippet to paste under the article in a CMS: HTML or plain text.
import { escapeHtml } from './html';
import { formatDate, headerOf, safeHttpUrl } from './format';
import type { ReportModel } from './model';

export type SnippetFormat = 'html' | 'text';

export interface SnippetOptions {
  /** The public page of the version; the snippet links to it for the full report. */
  reportUrl?: string | null;
}

/** One paragraph per correction: what the article said and the correction notice as the editor worded it. */
export function renderCorrectionSnippet(model: ReportModel, format: SnippetFormat, opts: SnippetOptions = {}): string {
  const header = headerOf(model);
  const date = formatDate(model.generatedAt);
  const url = safeHttpUrl(opts.reportUrl);
  const items = model.corrections.map((entry) => ({ quote: entry.quote.replace(/\s+/g, ' ').trim(), notice: (entry.correction ?? '').trim(), label: entry.rating.label }));
  const heading = items.length === 1 ? 'Correction' : 'Corrections';
  if (format === 'text') {
    const out = [`${heading} (${date})`, ''];
    if (items.length === 0) out.push('The claims checked in this article were found accurate; no correction was needed.', '');
    for (const item of items) out.push(`An earlier version of this article said: "${item.quote}" (${item.label}). ${item.notice}`.trim(), '');
    if (url) out.push(`Full corrections report by ${header.workspace.organisation}: ${url}`);
    return out.join('\n').trimEnd() + '\n';
  }
  const out = [`<aside class="corrections" aria-label="${escapeHtml(heading)}">`, `<h2>${escapeHtml(heading)} <small>(${escapeHtml(date)})</small></h2>`];
  if (items.length === 0) out.push('<p>The claims checked in this article were found accurate; no correction was needed.</p>');
  for (const item of items) {
    out.push(`<p>An earlier version of this article said: <q>${escapeHtml(item.quote)}</q> (${escapeHtml(item.label)}). ${escapeHtml(item.notice)}</p>`);
  }
  if (url) out.push(`<p><a href="${escapeHtml(url)}">Full corrections report by ${escapeHtml(header.workspace.organisation)}</a></p>`);
  out.push('</aside>');
  return out.join('\n') + '\n';
}
