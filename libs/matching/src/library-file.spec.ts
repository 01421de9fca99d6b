import { collectLibrary, LibraryFileError, parseLibrary, type ParseEvent } from './library-file';

async function* chunks(text: string, size = 7): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const read = (text: string, filename?: string) => collectLibrary(chunks(text), { filename });

const review = (claim: string, url: string, extra: object = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url,
  claimReviewed: claim,
  datePublished: '2024-03-01',
  author: { '@type': 'Organization', name: 'Example Checks' },
  reviewRating: { '@type': 'Rating', ratingValue: 1, alternateName: 'False' },
  itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'A. Senator' } },
  ...extra,
});

describe('ClaimReview JSON-LD', () => {
  it('reads one object with every field', async () => {
    const { entries, skipped } = await read(JSON.stringify(review('Wind turbines cause cancer.', 'https://checks.example/wind')), 'feed.json');
    expect(skipped).toEqual([]);
    expect(entries).toEqual([
      {
        id: 'https://checks.example/wind',
        claim: 'Wind turbines cause cancer.',
        title: null,
        rating: 'False',
        publisher: 'Example Checks',
        url: 'https://checks.example/wind',
        date: '2024-03-01',
        language: null,
        claimant: 'A. Senator',
      },
    ]);
  });

  it('reads an array, an @graph and a DataFeed, reporting items that are not reviews', async () => {
    const a = review('Claim one.', 'https://c.example/1');
    const b = review('Claim two.', 'https://c.example/2');
    const array = await read(JSON.stringify([a, { '@type': 'WebPage', name: 'x' }, b]));
    expect(array.entries.map((e) => e.claim)).toEqual(['Claim one.', 'Claim two.']);
    expect(array.skipped).toEqual([{ line: 2, reason: 'item 2 is a WebPage, not a ClaimReview' }]);
    const graph = await read(JSON.stringify({ '@context': 'https://schema.org', '@graph': [a, b] }));
    expect(graph.entries).toHaveLength(2);
    const feed = await read(
      JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'DataFeed',
        dataFeedElement: [
          { '@type': 'DataFeedItem', item: [a] },
          { '@type': 'DataFeedItem', item: [b, { '@type': 'ClaimReview', url: 'https://c.example/3' }] },
        ],
      }),
    );
    expect(feed.entries.map((e) => e.url)).toEqual(['https://c.example/1', 'https://c.example/2']);
    expect(feed.skipped).toEqual([{ line: 3, reason: 'item 3 has no claimReviewed' }]);
  });

  it('refuses malformed JSON and a file that is not what its name says, with the line', async () => {
    await expect(read('[{"claimReviewed": "x",\n  "url": }]', 'broken.json')).rejects.toThrow(/not valid JSON \(line 2\)/);
    await expect(read('claim,rating\nx,False\n', 'feed.json')).rejects.toThrow(LibraryFileError);
    await expect(read('{"@type": "WebPage"}')).rejects.toThrow('holds no ClaimReview');
  });
});

describe('CSV and TSV', () => {
  it('reads a CSV whose header names the columns, in any order and case', async () => {
    const csv =
      'URL,Claim,Rating,Publisher,Date\nhttps://c.example/a,"Vaccines contain microchips, says post",False,Checks,2021-01-02\nhttps://c.example/b,The moon is made of cheese,Pants on Fire,Checks,2020-05-06\n';
    const { entries, skipped } = await read(csv, 'lib.csv');
    expect(skipped).toEqual([]);
    expect(entries[0]).toMatchObject({ id: 'https://c.example/a', claim: 'Vaccines contain microchips, says post', rating: 'False', publisher: 'Checks', date: '2021-01-02' });
    expect(entries[1].rating).toBe('Pants on Fire');
  });

  it('reports rows with missing columns or no claim, by line', async () => {
    const csv = 'rating,url,claim\nFalse,https://c.example/a,First claim\nTrue\n\nMisleading,https://c.example/c,\n';
    const { entries, skipped } = await read(csv, 'lib.csv');
    expect(entries.map((e) => e.claim)).toEqual(['First claim']);
    expect(skipped).toEqual([
      { line: 3, reason: 'missing columns: 1 of 3' },
      { line: 5, reason: 'no claim text' },
    ]);
  });

  it('refuses a header without a claim column', async () => {
    await expect(read('rating,url\nFalse,https://x.example\n', 'lib.csv')).rejects.toThrow(/names no claim column/);
  });

  it('reads the CheckThat! layout as is: unbalanced quotes kept, quoted line breaks joined, ids kept', async () => {
    const tsv = ['\tvclaim\ttitle', '0\tA "quoted word in a claim.\tHeadline 0', '1\t"A claim that runs over', 'two lines."\tHeadline 1', '2\tThird claim\tHeadline 2', ''].join('\n');
    const { entries, skipped } = await read(tsv, 'verified_claims.docs.tsv');
    expect(skipped).toEqual([]);
    expect(entries.map((e) => [e.id, e.claim, e.title])).toEqual([
      ['0', 'A "quoted word in a claim.', 'Headline 0'],
      ['1', 'A claim that runs over two lines.', 'Headline 1'],
      ['2', 'Third claim', 'Headline 2'],
    ]);
  });

  it('streams: events come out before the whole file is read', async () => {
    let served = 0;
    async function* slow(): AsyncGenerator<string> {
      yield 'claim\n';
      for (let i = 0; i < 1000; i++) {
        served++;
        yield `claim number ${i}\n`;
      }
    }
    const seen: ParseEvent[] = [];
    for await (const event of parseLibrary(slow(), { filename: 'x.csv' })) {
      seen.push(event);
      if (seen.length === 3) break;
    }
    expect(served).toBeLessThan(1000);
  });
});

describe('bad files', () => {
  it('deduplicates by URL and by claim text, naming the first copy', async () => {
    const csv = 'claim,url\nSame claim,https://c.example/a\nOther claim,http://www.c.example/a/\nsame  CLAIM!,\nNew claim,https://c.example/n\n';
    const { entries, skipped } = await read(csv, 'lib.csv');
    expect(entries.map((e) => e.claim)).toEqual(['Same claim', 'New claim']);
    expect(skipped).toEqual([
      { line: 3, reason: 'duplicate of line 2 (same URL)' },
      { line: 4, reason: 'duplicate of line 2 (same claim text)' },
    ]);
  });

  it('refuses empty, binary and oversized files', async () => {
    await expect(read('   \n', 'x.csv')).rejects.toThrow('is empty');
    await expect(read('PK\u0003\u0004\u0000\u0000binary', 'x.csv')).rejects.toThrow('not a text file');
    await expect(collectLibrary(chunks(`claim\n${'a claim\n'.repeat(2000)}`), { filename: 'x.csv', maxBytes: 1000 })).rejects.toMatchObject({ code: 'too_large' });
  });
});
