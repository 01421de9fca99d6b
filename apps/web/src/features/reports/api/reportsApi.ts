// The corrections report routes: draft preview, draft downloads, published versions, their public pages and CMS snippets.
import type { JobAcceptedDto, PublicFeedDto, ReportFormat, ReportPreviewDto, ReportVersionDto } from '@claimdesk/domain';
import { api, apiResponse, apiText } from '../../../api/client';

const id = (value: string) => encodeURIComponent(value);
/** A draft download asked for by script: the file (to save), or the job laying out a large PDF (202). */
type DraftDownload = { kind: 'file'; blob: Blob; fileName: string } | { kind: 'job'; jobId: string };

async function draftDownload(articleId: string, format: ReportFormat): Promise<DraftDownload> {
  const response = await apiResponse(`/articles/${id(articleId)}/report?format=${format}`);
  if (response.status === 202) return { kind: 'job', jobId: ((await response.json()) as JobAcceptedDto).jobId };
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `corrections-draft.${format}`;
  return { kind: 'file', blob: await response.blob(), fileName };
}

export const reportsApi = {
  preview: (articleId: string) => api<ReportPreviewDto>('GET', `/articles/${id(articleId)}/report/preview`),
  draftUrl: (articleId: string, format: ReportFormat) => `/api/articles/${id(articleId)}/report?format=${format}`,
  draftDownload,
  versions: (articleId: string) => api<ReportVersionDto[]>('GET', `/articles/${id(articleId)}/reports`),
  publish: (articleId: string) => api<ReportVersionDto>('POST', `/articles/${id(articleId)}/reports`, {}),
  withdraw: (reportId: string) => api<void>('POST', `/reports/${id(reportId)}/withdraw`, {}),
  snippet: (reportId: string, format: 'html' | 'text') => apiText(`/reports/${id(reportId)}/snippet?format=${format}`),
  feed: () => api<PublicFeedDto>('GET', '/reports/feed'),
};
