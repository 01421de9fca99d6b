// How far a background job is: a progress bar with the job's own words, and its error if it failed.
import { Alert, Progress, Stack, Text } from '@mantine/core';
import type { JobDto } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isFinished, jobQueries } from '../api/jobQueries';

const WAITING: Record<JobDto['state'], string> = {
  created: 'Waiting for a worker…',
  active: 'Working…',
  retry: 'Interrupted; trying again shortly…',
  completed: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function JobProgress({ jobId, label, failedTitle = 'The import failed', onFinished }: { jobId: string; label: string; failedTitle?: string; onFinished(job: JobDto): void }) {
  const { data: job, error } = useQuery(jobQueries.detail(jobId));
  useEffect(() => {
    if (job && isFinished(job)) onFinished(job);
  }, [job, onFinished]);
  if (error) return <Alert color="red">Could not read the job’s progress: {error.message}</Alert>;
  const percent = job?.progress?.percent ?? 0;
  return (
    <Stack gap={4}>
      <Progress value={percent} animated={!job || !isFinished(job)} aria-label={label} />
      <Text size="sm" c="dimmed">
        {job ? `${job.progress?.message ?? WAITING[job.state]}${job.state === 'retry' && job.error ? ` (${job.error.message})` : ''}` : 'Starting…'}
      </Text>
      {job?.state === 'failed' && (
        <Alert color="red" title={failedTitle}>
          {job.error?.message ?? 'The job stopped without a reason.'}
        </Alert>
      )}
    </Stack>
  );
}
