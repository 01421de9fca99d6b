import { parseFeed } from './feeds';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>The Ledger: World</title><link>https://ledger.example/world</link>
<item><title>Shells for the front</title><link>/world/shells</link><guid isPermaLink="false">ledger-101</guid><pubDate>Mon, 02 Nov 2026 08:30:00 GMT</pubDate><description>&lt;p&gt;Millions of rounds&lt;/p&gt;</description></item>
<item><title>No guid here</title><link>https://ledger.example/world/no-guid</link></item>
<item><title>Nothing to identify</title></item>
<item><title>Not the web</title><link>javascript:alert(1)</link><guid>ledger-103</guid></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Statistics Office</title><id>urn:stats</id>
<entry><title>Visitors up</title><id>urn:stats:1</id><link href="https://stats.example/releases/1"/><published>2026-11-01T00:00:00Z</published><updated>2026-11-03T12:00:00Z</updated><summary>Visitors rose.</summary></entry>
</feed>`;

describe('parseFeed', () => {
  it('reads RSS 2.0 items with absolute links, GUIDs (or links when there is none) and dates', () => {
    const feed = parseFeed(RSS, 'https://ledger.example/world/rss.xml');
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('The Ledger: World');
    expect(feed.entries.map((e) => [e.guid, e.url])).toEqual([
      ['ledger-101', 'https://ledger.example/world/shells'],
      ['https://ledger.example/world/no-guid', 'https://ledger.example/world/no-guid'],
      ['ledger-103', null],
    ]);
    expect(feed.entries[0].publishedAt?.toISOString()).toBe('2026-11-02T08:30:00.000Z');
  });

  it('reads Atom entries', () => {
    const feed = parseFeed(ATOM);
    expect(feed.format).toBe('atom');
    expect(feed.entries).toEqual([
      {
        guid: 'urn:stats:1',
        url: 'https://stats.example/releases/1',
        title: 'Visitors up',
        publishedAt: new Date('2026-11-01T00:00:00Z'),
        updatedAt: new Date('2026-11-03T12:00:00Z'),
        content: 'Visitors rose.',
      },
    ]);
  });

  it('refuses what is not a feed', () => {
    expect(() => parseFeed('<html><body>hello</body></html>')).toThrow('this is not an RSS or Atom feed');
  });
});
