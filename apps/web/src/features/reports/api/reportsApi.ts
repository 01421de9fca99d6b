// The corrections report routes: draft preview, draft downloads, published versions.
import { REPORT_FORMATS, type ReportFormat, type ReportPreviewDto, type ReportVersionDto } from '@claimdesk/domain';
import { api } from '../../../api/client';

export { REPORT_FORMATS, type ReportFormat };
export type ReportPreview = ReportPreviewDto;
export type PublishedReport = ReportVersionDto;

const id = (value: string) => encodeURIComponent(value);
export const reportsApi = {
  preview: (articleId: string) => api<ReportPreview>('GET', `/articles/${id(articleId)}/report/preview`),
  draftUrl: (articleId: string, format: ReportFormat) => `/api/articles/${id(articleId)}/report?format=${format}`,
  versions: (articleId: string) => api<PublishedReport[]>('GET', `/articles/${id(articleId)}/reports`),
  publish: (articleId: string) => api<PublishedReport>('POST', `/articles/${id(articleId)}/reports`, {}),
};
