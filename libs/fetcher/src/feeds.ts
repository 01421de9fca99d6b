// RSS 2.0 and Atom feeds, read by @rowanmanning/feed-parser into the few fields a desk needs to import new items.
import { parseFeed as parse } from '@rowanmanning/feed-parser';
import { FetchError } from './errors';

export interface FeedEntry {
  /** The item's GUID (RSS) or id (Atom); its link when it has neither. */
  guid: string;
  url: string | null;
  title: string | null;
  publishedAt: Date | null;
  updatedAt: Date | null;
  /** Full content or summary as the feed carries it (HTML). */
  content: string | null;
}

export interface ParsedFeed {
  title: string | null;
  format: 'rss' | 'atom' | 'unknown';
  entries: FeedEntry[];
}

function httpUrl(value: string | null, base: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Entries of a feed, with links made absolute against the feed's own address. Items with neither id nor link are skipped. */
export function parseFeed(xml: string, feedUrl: string | null = null): ParsedFeed {
  let feed: ReturnType<typeof parse>;
  try {
    feed = parse(xml);
  } catch (error) {
    throw new FetchError('UNREADABLE', 'this is not an RSS or Atom feed', null, { cause: error });
  }
  const entries: FeedEntry[] = [];
  for (const item of feed.items) {
    const url = httpUrl(item.url, feedUrl);
    const guid = item.id?.trim() || url;
    if (!guid) continue;
    entries.push({ guid, url, title: item.title?.trim() || null, publishedAt: item.published, updatedAt: item.updated, content: item.content ?? item.description ?? null });
  }
  const type = feed.meta.type;
  return { title: feed.title?.trim() || null, format: type === 'rss' || type === 'atom' ? type : 'unknown', entries };
}
