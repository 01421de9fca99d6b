import type { ReviewQueueItemDto } from '@claimdesk/domain';
import { api } from '../../../api/client';

export const reviewApi = {
  queue: () => api<ReviewQueueItemDto[]>('GET', '/reviews/queue'),
};
