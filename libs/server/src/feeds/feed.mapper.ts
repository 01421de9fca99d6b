// Feed rows to API responses.
import type { FeedDto } from '@claimdesk/domain';
import type { Feed } from '@claimdesk/db';

export function toFeedDto(f: Feed): FeedDto {
  return {
    id: f.id,
    url: f.url,
    title: f.title,
    intervalMinutes: f.intervalMinutes,
    paused: f.paused,
    lastPolledAt: f.lastPolledAt?.toISOString() ?? null,
    lastSuccessAt: f.lastSuccessAt?.toISOString() ?? null,
    lastError: f.lastError,
    itemsImported: f.itemsImported,
    createdAt: f.createdAt.toISOString(),
    version: f.version,
  };
}
