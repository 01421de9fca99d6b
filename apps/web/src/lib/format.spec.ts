import { countOf } from './format';

describe('countOf', () => {
  it('says one thing in the singular and any other number in the plural', () => {
    expect(countOf(1, 'claim')).toBe('1 claim');
    expect(countOf(0, 'claim')).toBe('0 claims');
    expect(countOf(44, 'claim')).toBe('44 claims');
    expect(countOf(2, 'analysis', { plural: 'analyses' })).toBe('2 analyses');
  });

  it('marks a count with more to load, always in the plural', () => {
    expect(countOf(1, 'claim', { more: true })).toBe('1+ claims');
    expect(countOf(50, 'claim', { more: true })).toBe('50+ claims');
  });
});
