// The draft's PDF: a small report downloads at once; a large one is laid out by a background job (the server answers
// 202), whose progress the page shows, and the file is downloaded from where the finished job says.
import { useCallback, useState } from 'react';
import type { JobDto } from '@claimdesk/domain';
import { ApiError } from '../../../api/client';
import { reportsApi } from '../api/reportsApi';

function save(href: string, fileName?: string) {
  const link = document.createElement('a');
  link.href = href;
  if (fileName) link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

export function useDraftPdf(articleId: string) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const start = useCallback(async () => {
    setError(null);
    setJobId(null);
    setFailed(false);
    setBusy(true);
    try {
      const answer = await reportsApi.draftDownload(articleId, 'pdf');
      if (answer.kind === 'job') return setJobId(answer.jobId);
      const url = URL.createObjectURL(answer.blob);
      save(url, answer.fileName);
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  }, [articleId]);

  /** The job ended: its file is downloaded (the server names it), or its failure stays on the page (JobProgress shows it). */
  const finished = useCallback((job: JobDto) => {
    const download = (job.result as { download?: string } | null)?.download;
    if (job.state === 'completed' && download?.startsWith('/api/report-renders/')) {
      save(download);
      setJobId(null);
      return;
    }
    setFailed(true);
    if (job.state !== 'failed') setError(new ApiError({ statusCode: 422, code: 'RULE_VIOLATION', message: 'the PDF could not be laid out', details: [] }));
  }, []);

  return { start, jobId, busy: busy || (jobId !== null && !failed), error, finished };
}
