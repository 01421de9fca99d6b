// @claimdesk/reports: approved verdicts in, corrections-report files out. Pure functions, no I/O.
export * from './model';
export { renderMarkdown, renderMarkdownStream } from './markdown';
export { renderHtml, renderHtmlStream, escapeHtml, type HtmlRenderOptions } from './html';
export { renderPdf, type PdfRenderOptions } from './pdf';
export { renderCsv, renderCsvStream, CSV_COLUMNS, CSV_BOM } from './csv';
export { renderJson, renderJsonStream, parseReportJson, reportJsonSchema, REPORT_JSON_FORMAT, type ReportJson } from './json';
export { renderClaimReviewJsonLd, claimReviews, claimReviewedText, CLAIM_REVIEWED_MAX, type ClaimReviewJsonLd, type ClaimReviewOptions } from './claim-review';
export { render, reportFileName, isReportFormat, REPORT_FORMATS, CONTENT_TYPES, MissingReportUrlError, type ReportFormat, type RenderOptions, type RenderedReport } from './render';
export { EntryOrderError, type EntrySource } from './sections';
export { headerOf } from './format';
export { renderCorrectionSnippet, type SnippetFormat } from './snippet';
