// The corrections report routes: draft preview, draft downloads, published versions, their public pages and CMS snippets.
import type { PublicFeedDto, ReportFormat, ReportPreviewDto, ReportVersionDto } from '@claimdesk/domain';
import { api, apiText } from '../../../api/client';

const id = (value: string) => encodeURIComponent(value);
export const reportsApi = {
  preview: (articleId: string) => api<ReportPreviewDto>('GET', `/articles/${id(articleId)}/report/preview`),
  draftUrl: (articleId: string, format: ReportFormat) => `/api/articles/${id(articleId)}/report?format=${format}`,
  versions: (articleId: string) => api<ReportVersionDto[]>('GET', `/articles/${id(articleId)}/reports`),
  publish: (articleId: string) => api<ReportVersionDto>('POST', `/articles/${id(articleId)}/reports`, {}),
  withdraw: (reportId: string) => api<void>('POST', `/reports/${id(reportId)}/withdraw`, {}),
  snippet: (reportId: string, format: 'html' | 'text') => apiText(`/reports/${id(reportId)}/snippet?format=${format}`),
  feed: () => api<PublicFeedDto>('GET', '/reports/feed'),
};
