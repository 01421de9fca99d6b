// The corrections report routes: draft preview, draft downloads, published versions.
import type { ReportFormat, ReportPreviewDto, ReportVersionDto } from '@claimdesk/domain';
import { api } from '../../../api/client';

const id = (value: string) => encodeURIComponent(value);
export const reportsApi = {
  preview: (articleId: string) => api<ReportPreviewDto>('GET', `/articles/${id(articleId)}/report/preview`),
  draftUrl: (articleId: string, format: ReportFormat) => `/api/articles/${id(articleId)}/report?format=${format}`,
  versions: (articleId: string) => api<ReportVersionDto[]>('GET', `/articles/${id(articleId)}/reports`),
  publish: (articleId: string) => api<ReportVersionDto>('POST', `/articles/${id(articleId)}/reports`, {}),
};
