import { normaliseClaim, tokenise } from './normalise';

describe('normaliseClaim', () => {
  it('cuts the trailer of an embedded post to who posted it and when, and drops links and quotes', () => {
    const tweet = 'Trump needs to divest from his businesses https://t.co/abc123 pic.twitter.com/xyz — Ilhan Omar (@IlhanMN) January 6, 2020';
    expect(normaliseClaim(tweet)).toBe('Trump needs to divest from his businesses Ilhan Omar January 2020');
    expect(normaliseClaim('Our stores close early. - ALDI UK (@AldiUK) 1 Dec 2018')).toBe('Our stores close early. ALDI UK Dec 2018');
    // For a match's reasons the trailer goes whole: the day of the post is no date the post claims.
    expect(normaliseClaim(tweet, { post: false })).toBe('Trump needs to divest from his businesses');
    expect(normaliseClaim('He said “no” to the ‘deal’')).toBe("He said no to the 'deal'");
  });

  it('turns handles and hashtags into words', () => {
    expect(normaliseClaim('Thanks @realDonaldTrump for #FakeNews')).toBe('Thanks real Donald Trump for Fake News');
  });

  it('writes numbers one way', () => {
    expect(normaliseClaim('1,250,000 people, 70% of them')).toBe('1250000 people, 70 percent of them');
    expect(normaliseClaim('70 per cent of arrests')).toBe('70 percent of arrests');
  });
});

describe('tokenise', () => {
  it('keeps content words as stems and numbers as they are', () => {
    const tokens = tokenise('The 122 detainees were released from Guantanamo');
    expect(tokens.map((t) => t.word)).toEqual(['122', 'detainees', 'released', 'guantanamo']);
    expect(tokens.map((t) => t.stem)).toEqual(['122', 'detaine', 'releas', 'guantanamo']);
  });

  it('reads text outside ASCII', () => {
    expect(tokenise('Émigrés in Zürich').map((t) => t.word)).toEqual(['émigrés', 'zürich']);
  });
});
