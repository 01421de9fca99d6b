// HTTP calls for the workspace's fact-check library: entries, imports (uploaded, then followed as a job), removal.
import type { LibraryEntryPageDto, LibraryImportAcceptedDto, LibraryImportDetailDto, LibraryImportDto } from '@claimdesk/domain';
import { api, toQuery, uploadWithProgress } from '../../../api/client';

export const libraryApi = {
  entries: (q: string, offset: number, limit: number) => api<LibraryEntryPageDto>('GET', `/library/entries${toQuery({ q, offset, limit })}`),
  imports: () => api<LibraryImportDto[]>('GET', '/library/imports'),
  importDetail: (id: string) => api<LibraryImportDetailDto>('GET', `/library/imports/${encodeURIComponent(id)}`),
  upload: (file: File, onProgress: (fraction: number) => void) => {
    const form = new FormData();
    form.append('file', file);
    return uploadWithProgress<LibraryImportAcceptedDto>('/library/imports', form, onProgress);
  },
  removeImport: (id: string) => api<void>('DELETE', `/library/imports/${encodeURIComponent(id)}`),
};
