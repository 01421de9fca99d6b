import { countOf, formatInterval } from './format';

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

describe('formatInterval', () => {
  it('names a poll interval in its largest whole unit', () => {
    expect(formatInterval(15)).toBe('every 15 min');
    expect(formatInterval(90)).toBe('every 90 min');
    expect(formatInterval(60)).toBe('hourly');
    expect(formatInterval(360)).toBe('every 6 h');
    expect(formatInterval(1440)).toBe('daily');
    expect(formatInterval(4320)).toBe('every 3 days');
    expect(formatInterval(10080)).toBe('weekly');
    expect(formatInterval(20160)).toBe('every 2 weeks');
  });
});
