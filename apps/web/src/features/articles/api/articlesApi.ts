// HTTP calls for articles; response types come from libs/domain.
import type { ArticleDetailDto, ArticleDto, AuditEventDto, ImportResultDto, JobAcceptedDto } from '@claimdesk/domain';
import type { z } from 'zod';
import type { importArticleSchema } from '@claimdesk/domain';
import { api, uploadWithProgress } from '../../../api/client';
import { jobResult } from '../../../api/jobs';

export type ImportArticleBody = z.input<typeof importArticleSchema>;
/** What an import job leaves once it completes. */
export type ImportJobResult = Pick<ImportResultDto, 'revisionId' | 'revision' | 'created' | 'claims'> & { articleId: string };
export interface UploadFields {
  title?: string;
  author?: string;
  url?: string;
  publishedAt?: string;
  articleId?: string;
}

export const articlesApi = {
  list: () => api<ArticleDto[]>('GET', '/articles'),
  get: (id: string) => api<ArticleDetailDto>('GET', `/articles/${encodeURIComponent(id)}`),
  history: (id: string) => api<AuditEventDto[]>('GET', `/articles/${encodeURIComponent(id)}/history`),
  import: (body: ImportArticleBody) => api<ImportResultDto>('POST', '/articles', body),
  /** Fetches the page at `url` and imports its main content, in a background job that this follows to its end. */
  importFromUrl: async (body: ImportArticleBody) => jobResult<ImportJobResult>((await api<JobAcceptedDto>('POST', '/articles', body)).jobId),
  /** Imports the project's own sample article into the workspace. */
  importSample: () => api<ImportResultDto>('POST', '/articles/sample'),
  upload: (file: File, fields: UploadFields, onProgress: (fraction: number) => void) => {
    const form = new FormData();
    form.append('file', file);
    for (const [key, value] of Object.entries(fields)) if (value) form.append(key, value);
    return uploadWithProgress<ImportResultDto>('/articles/upload', form, onProgress);
  },
  remove: (id: string) => api<void>('DELETE', `/articles/${encodeURIComponent(id)}`),
};
