// Subscribes to the server's /api/events stream and refreshes the queries a change touches, so others' edits appear live.
import type { LiveEvent } from '@claimdesk/domain';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { articleKeys } from '../../articles';
import { claimKeys } from '../../claims';
import { dashboardKeys } from '../../dashboard';
import { jobKeys } from '../../jobs';
import { libraryKeys } from '../../library';
import { notificationKeys } from '../../notifications';
import { reportKeys } from '../../reports';

function invalidateForEvent(client: QueryClient, event: LiveEvent): void {
  const touch = (queryKey: readonly unknown[]) => void client.invalidateQueries({ queryKey });
  touch(dashboardKeys.all);
  switch (event.type) {
    case 'claim':
      touch(claimKeys.detail(event.id));
      touch(claimKeys.lists());
      break;
    case 'verdict':
      // An approved verdict enters the library and a withdrawn one leaves it: the library and every claim's matches change too.
      touch(claimKeys.details());
      touch(claimKeys.lists());
      touch(claimKeys.reviewQueue());
      touch(libraryKeys.all);
      break;
    case 'library':
      // An import finished or was removed: the Library screen, open claim panels' matches and "checked before" marks.
      touch(libraryKeys.all);
      touch(claimKeys.details());
      touch(claimKeys.lists());
      touch(claimKeys.reviewQueue());
      break;
    case 'article':
      // An article's text changed: its claims were re-detected, and they sit under the articles root.
      touch(articleKeys.all);
      break;
    case 'report':
      break;
    case 'job':
      touch(jobKeys.detail(event.id));
      break;
    case 'notification':
      touch(notificationKeys.all);
      break;
    case 'feed':
      // A poll imported articles: the claims table's "from feeds" view and the article list grow.
      touch(claimKeys.lists());
      touch(articleKeys.lists());
      break;
  }
  if (event.articleId) {
    touch(articleKeys.lists());
    touch(articleKeys.detail(event.articleId));
    touch(reportKeys.article(event.articleId));
  }
}

export function useLiveEvents(enabled: boolean): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events', { withCredentials: true });
    // The server names its events (`event: change`, `event: heartbeat`); `onmessage` would only hear unnamed ones.
    const onChange = (message: MessageEvent<string>) => {
      try {
        invalidateForEvent(client, JSON.parse(message.data) as LiveEvent);
      } catch {
        // A malformed message is ignored; the next refetch brings the data in line.
      }
    };
    // `notification` (ids only, sent to the recipient alone): refetch the unread count and the inbox.
    const onNotification = () => void client.invalidateQueries({ queryKey: notificationKeys.all });
    source.addEventListener('change', onChange);
    source.addEventListener('notification', onNotification);
    return () => {
      source.removeEventListener('change', onChange);
      source.removeEventListener('notification', onNotification);
      source.close();
    };
  }, [client, enabled]);
}
