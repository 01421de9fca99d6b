// Following a background job (202 with { jobId }) until it ends: its result, or its failure as an error in the API's shape.
import type { JobDto } from '@claimdesk/domain';
import { ApiError, api } from './client';

export async function jobResult<T>(jobId: string, intervalMs = 500): Promise<T> {
  for (;;) {
    const job = await api<JobDto>('GET', `/jobs/${encodeURIComponent(jobId)}`);
    if (job.state === 'completed') return job.result as T;
    if (job.state === 'failed' || job.state === 'cancelled') {
      throw new ApiError({ statusCode: 422, code: 'RULE_VIOLATION', message: job.error?.message ?? 'the job failed', details: [] });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
