// HTTP calls for articles; response types come from libs/domain.
import type { ArticleDetailDto, ArticleDto, AuditEventDto, ImportResultDto, JobAcceptedDto } from '@claimdesk/domain';
import type { z } from 'zod';
import type { importArticleSchema } from '@claimdesk/domain';
import { api, uploadWithProgress } from '../../../api/client';

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

/** What an import answers: the result at once, or, for a large article, the background job that is doing it (202). */
export type ImportOutcome = ImportResultDto | JobAcceptedDto;

export const articlesApi = {
  list: () => api<ArticleDto[]>('GET', '/articles'),
  get: (id: string) => api<ArticleDetailDto>('GET', `/articles/${encodeURIComponent(id)}`),
  history: (id: string) => api<AuditEventDto[]>('GET', `/articles/${encodeURIComponent(id)}/history`),
  import: (body: ImportArticleBody) => api<ImportOutcome>('POST', '/articles', body),
  /** Imports the project's own sample article into the workspace. */
  importSample: () => api<ImportResultDto>('POST', '/articles/sample'),
  upload: (file: File, fields: UploadFields, onProgress: (fraction: number) => void) => {
    const form = new FormData();
    form.append('file', file);
    for (const [key, value] of Object.entries(fields)) if (value) form.append(key, value);
    return uploadWithProgress<ImportOutcome>('/articles/upload', form, onProgress);
  },
  remove: (id: string) => api<void>('DELETE', `/articles/${encodeURIComponent(id)}`),
};
