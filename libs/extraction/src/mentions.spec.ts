// Numbers with their units, dates absolute and relative, and the names a claim rests on.
import { extractClaims } from './claims';
import type { ExtractedClaim } from './types';

function claim(text: string): ExtractedClaim {
  const { claims } = extractClaims(text);
  expect(claims).toHaveLength(1);
  return claims[0];
}

const numbers = (text: string): Array<[string, number | null, string | null]> => claim(text).numbers.map((n) => [n.text, n.value, n.unit]);
const dates = (text: string): Array<[string, string, string | null]> => claim(text).dates.map((d) => [d.text, d.kind, d.iso]);
const entities = (text: string): Array<[string, string]> => claim(text).entities.map((e) => [e.text, e.type]);

describe('numbers', () => {
  it('reads units, scales and currencies', () => {
    expect(numbers('The fund lost $5 billion and 2 percent of its staff.')).toEqual([
      ['$5 billion', 5e9, 'USD'],
      ['2 percent', 2, 'percent'],
    ]);
    expect(numbers('Over one million people died in less than five years.')).toEqual([
      ['one million people', 1e6, 'people'],
      ['five years', 5, 'years'],
    ]);
    expect(numbers('Sales rose 12% to €3.4bn while 1,500 jobs went.')).toEqual([
      ['12%', 12, 'percent'],
      ['€3.4bn', 3.4e9, 'EUR'],
      ['1,500 jobs', 1500, 'jobs'],
    ]);
    expect(numbers('Factories produced millions of artillery rounds last year.')).toEqual([['millions of artillery rounds', null, 'artillery rounds']]);
  });

  it('does not count years, days of the month or the pronoun "one"', () => {
    expect(numbers('One of the factors was the famine of 1994 on April 24.')).toEqual([]);
  });
});

describe('dates', () => {
  it('reads absolute dates with ISO values', () => {
    expect(dates('The meeting with Kim Jong-Il in September 2023 raised doubts.')).toEqual([['September 2023', 'absolute', '2023-09']]);
    expect(dates('A delegation went to Tehran on April 24.')).toEqual([['April 24', 'absolute', '--04-24']]);
    expect(dates('They met on 5 March 2022 and again on 2024-01-15.')).toEqual([
      ['5 March 2022', 'absolute', '2022-03-05'],
      ['2024-01-15', 'absolute', '2024-01-15'],
    ]);
    expect(dates('Growth slowed in the 1980s and again in the mid-2000s.')).toEqual([
      ['1980s', 'absolute', '198X'],
      ['mid-2000s', 'absolute', '200X'],
    ]);
    expect(dates('In 2024, the army grew.')).toEqual([['2024', 'absolute', '2024']]);
  });

  it('reads relative dates', () => {
    expect(dates('Last year the plant closed.')).toEqual([['Last year', 'relative', null]]);
    expect(dates('The countries cooperated four decades ago and met again yesterday.')).toEqual([
      ['four decades ago', 'relative', null],
      ['yesterday', 'relative', null],
    ]);
    expect(dates('Prices rose earlier this year and fell on Monday.')).toEqual([
      ['earlier this year', 'relative', null],
      ['Monday', 'relative', null],
    ]);
  });

  it('does not read 2,000 people as a year', () => {
    expect(dates('About 2000 soldiers were sent.')).toEqual([]);
  });
});

describe('entities', () => {
  it('names people, organisations and places', () => {
    expect(entities('Supreme Leader Kim Jong-Un met President Putin and the United Nations in Pyongyang.')).toEqual([
      ['Kim Jong-Un', 'person'],
      ['Putin', 'person'],
      ['United Nations', 'organisation'],
      ['Pyongyang', 'place'],
    ]);
    expect(entities('The Democratic People’s Republic of Korea blamed the US Pentagon.')).toEqual([
      ['Democratic People’s Republic of Korea', 'place'],
      ['US Pentagon', 'organisation'],
    ]);
  });

  it('skips sentence openers, nationalities and titles without a name', () => {
    expect(entities('After the war, the Russian President praised Western leaders.')).toEqual([]);
    expect(entities('Will North Korea’s friendship with Russia last?')).toEqual([
      ['North Korea', 'place'],
      ['Russia', 'place'],
    ]);
  });

  it('recognises a surname once the full name was seen', () => {
    const { claims } = extractClaims('Boris Yeltsin came to power in 1991. Fully committed to reform, Yeltsin cut aid to Pyongyang.');
    expect(claims[1].entities).toContainEqual(expect.objectContaining({ text: 'Yeltsin', type: 'person' }));
  });
});
