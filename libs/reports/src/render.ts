// One entry point for the API: a model and a format in, the bytes and HTTP headers out.
import { renderClaimReviewJsonLd } from './claim-review';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import type { ReportModel } from './model';
import { type PdfRenderOptions, renderPdf } from './pdf';

export const REPORT_FORMATS = ['md', 'html', 'pdf', 'csv', 'json', 'jsonld'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
};

export interface RenderOptions {
  /** Where the report is published. Required for jsonld; for html, embeds the ClaimReview JSON-LD in the page. */
  reportUrl?: string;
  pdf?: PdfRenderOptions;
}

export interface RenderedReport {
  body: Buffer;
  contentType: string;
  extension: ReportFormat;
  /** A download name such as "corrections-standards-desk-havanas-pivot-east-v2.pdf", or "…-draft.pdf" for a draft. */
  fileName: string;
}

export class MissingReportUrlError extends TypeError {
  constructor() {
    super('ClaimReview JSON-LD needs opts.reportUrl: each review links to its entry in the published report.');
    this.name = 'MissingReportUrlError';
  }
}

/** The article's title as a file-name word: "Havana’s Pivot East" → "havanas-pivot-east" (at most 60 characters). */
function articleSlug(title: string, fallback: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’‘`]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** The file name carries the desk, the article (or the dates) and the version, so reports of two articles never collide. */
export function reportFileName(model: ReportModel, format: ReportFormat): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  const scope = model.scope.kind === 'article' ? articleSlug(model.scope.article.title, safe(model.scope.article.id)) : `${model.scope.from.slice(0, 10)}_${model.scope.to.slice(0, 10)}`;
  return `corrections-${safe(model.workspace.slug)}-${safe(scope)}-${model.draft ? 'draft' : `v${model.version}`}.${format}`;
}

export async function render(model: ReportModel, format: ReportFormat, opts: RenderOptions = {}): Promise<RenderedReport> {
  let body: Buffer;
  switch (format) {
    case 'md':
      body = Buffer.from(renderMarkdown(model), 'utf8');
      break;
    case 'html':
      body = Buffer.from(renderHtml(model, { reportUrl: opts.reportUrl }), 'utf8');
      break;
    case 'pdf':
      body = await renderPdf(model, opts.pdf);
      break;
    case 'csv':
      body = Buffer.from(renderCsv(model), 'utf8');
      break;
    case 'json':
      body = Buffer.from(renderJson(model), 'utf8');
      break;
    case 'jsonld':
      if (!opts.reportUrl) throw new MissingReportUrlError();
      body = Buffer.from(renderClaimReviewJsonLd(model, { reportUrl: opts.reportUrl }), 'utf8');
      break;
    default: {
      const unknown: never = format;
      throw new TypeError(`Unknown report format: ${String(unknown)}`);
    }
  }
  return { body, contentType: CONTENT_TYPES[format], extension: format, fileName: reportFileName(model, format) };
}
