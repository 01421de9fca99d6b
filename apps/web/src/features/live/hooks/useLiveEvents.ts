// Subscribes to the server's /api/events stream and refreshes the queries a change touches, so others' edits appear live.
import type { LiveEvent } from '@claimdesk/domain';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

export function invalidateForEvent(client: QueryClient, event: LiveEvent): void {
  const touch = (key: unknown[]) => void client.invalidateQueries({ queryKey: key });
  touch(['dashboard']);
  switch (event.type) {
    case 'claim':
      touch(['claim', event.id]);
      touch(['claims']);
      break;
    case 'verdict':
      touch(['claim']);
      touch(['claims']);
      touch(['reviews']);
      break;
    case 'article':
      touch(['articles']);
      touch(['article', event.id]);
      touch(['claims']);
      break;
    case 'report':
      break;
  }
  if (event.articleId) {
    touch(['articles']);
    touch(['article', event.articleId]);
    touch(['report-preview', event.articleId]);
    touch(['reports', event.articleId]);
  }
}

export function useLiveEvents(enabled: boolean): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events', { withCredentials: true });
    source.onmessage = (message) => {
      try {
        invalidateForEvent(client, JSON.parse(message.data) as LiveEvent);
      } catch {
        // A malformed message is ignored; the next refetch brings the data in line.
      }
    };
    return () => source.close();
  }, [client, enabled]);
}
