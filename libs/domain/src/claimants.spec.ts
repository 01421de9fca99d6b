import { articleClaimant, claimantDisplayName, claimantKey } from './claimants';

describe('claimantKey', () => {
  it('merges the same source written in different ways', () => {
    expect(claimantKey('the US Pentagon')).toBe('pentagon');
    expect(claimantKey('The Pentagon')).toBe('pentagon');
    expect(claimantKey('the U.S. Pentagon')).toBe('pentagon');
    expect(claimantKey('Ministerio de Economía')).toBe(claimantKey('ministerio de economia'));
  });

  it('keeps different sources apart', () => {
    expect(claimantKey('the US Treasury')).not.toBe(claimantKey('the Pentagon'));
    expect(claimantKey('the United Nations')).toBe('united nations');
    expect(claimantKey('US Customs and Border Protection')).toBe('customs and border protection');
    expect(claimantKey('the')).toBe('the');
  });
});

describe('claimant names', () => {
  it('drops the leading article', () => {
    expect(claimantDisplayName('the Boston University Global Development Policy Center')).toBe('Boston University Global Development Policy Center');
    expect(claimantDisplayName('officials familiar with the talks')).toBe('Officials familiar with the talks');
  });

  it('falls back to the author, then the publication', () => {
    expect(articleClaimant({ author: 'Ana Lucía Ferrer', url: 'https://example.org/x', title: 'T' })).toBe('Ana Lucía Ferrer');
    expect(articleClaimant({ author: null, url: 'https://www.example.org/x', title: 'T' })).toBe('example.org');
    expect(articleClaimant({ author: null, url: null, title: 'Harbour news' })).toBe('Harbour news');
  });
});
