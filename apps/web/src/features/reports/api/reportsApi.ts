// The corrections report routes: draft preview, draft downloads, published versions.
import { api } from '../../../api/client';

export const REPORT_FORMATS = ['md', 'html', 'pdf', 'csv', 'json', 'jsonld'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportPreview {
  html: string;
  model: unknown;
}
export interface PublishedReport {
  id: string;
  version: number;
  publishedAt: string;
  publishedBy: string | { name: string } | null;
  downloads: Partial<Record<ReportFormat, string>>;
}

const id = (value: string) => encodeURIComponent(value);
export const reportsApi = {
  preview: (articleId: string) => api<ReportPreview>('GET', `/articles/${id(articleId)}/report/preview`),
  draftUrl: (articleId: string, format: ReportFormat) => `/api/articles/${id(articleId)}/report?format=${format}`,
  versions: (articleId: string) => api<PublishedReport[]>('GET', `/articles/${id(articleId)}/reports`),
  publish: (articleId: string) => api<PublishedReport>('POST', `/articles/${id(articleId)}/reports`, {}),
};
