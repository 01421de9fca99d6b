import { Matcher } from './matcher';
import { matchReasons } from './reasons';
import { shippedModel } from './reranker';

const library = [
  {
    id: 'gitmo',
    claim: '122 detainees released from Guantanamo Bay under President Obama have re-engaged in terrorist activities.',
    title: 'Did 122 Prisoners Released from Guantanamo Return to the Battlefield?',
  },
  { id: 'charlotte', claim: '70 per cent of the persons arrested during protests in Charlotte had out-of-state IDs.', title: 'Arrested Charlotte Protesters Are Out-of-State' },
  { id: 'draft', claim: 'Text messages say recipients have been selected for a military draft.', title: 'Military Draft Text Messages' },
  { id: 'moon', claim: 'NASA admitted that the moon landing in 1969 was filmed in a studio.', title: 'Did NASA Admit the Moon Landing Was Faked?' },
  { id: 'wind', claim: 'Noise from wind turbines causes cancer.', title: 'Do Wind Turbines Cause Cancer?' },
  { id: 'bleach', claim: 'Drinking bleach cures the coronavirus.', title: 'Does Bleach Cure COVID-19?' },
].map((e) => ({ ...e, rating: null, publisher: null, url: null, date: null, language: null, claimant: null }));

describe('Matcher', () => {
  const matcher = new Matcher(library);

  it('puts the checked claim first for a reworded post, trailer and link included', () => {
    const matches = matcher.match('Fraudulent text messages telling people they were picked for the military draft are going around https://t.co/x — Army News (@armynews) January 7, 2020', {
      top: 3,
    });
    expect(matches[0].entry.id).toBe('draft');
    expect(matches.map((m) => m.rank)).toEqual([1, 2, 3].slice(0, matches.length));
    expect(matches[0].score).toBeGreaterThan(matches[matches.length - 1].score);
  });

  it('ranks by meaning as well as shared words', () => {
    expect(matcher.match('Scientists say turbine noise gives people tumours', { top: 1 })[0].entry.id).toBe('wind');
    expect(matcher.match('Obama let 122 Guantanamo prisoners go and they went back to terrorism', { top: 1 })[0].entry.id).toBe('gitmo');
  });

  it('takes a removed entry out of the results, and adds entries after it was built', () => {
    const changing = new Matcher(library);
    expect(changing.match('Does drinking bleach cure the coronavirus?', { top: 1 })[0].entry.id).toBe('bleach');
    expect(changing.remove('bleach')).toBe(true);
    expect(changing.remove('bleach')).toBe(false);
    expect(changing.size).toBe(library.length - 1);
    expect(changing.match('Does drinking bleach cure the coronavirus?', { top: 10 }).map((m) => m.entry.id)).not.toContain('bleach');
    changing.add({ ...library[0], id: 'bleach-2', claim: 'Gargling bleach cures the coronavirus.', title: 'Bleach does not cure COVID-19' });
    expect(changing.prepare()).toBe(true);
    expect(changing.match('Does drinking bleach cure the coronavirus?', { top: 1 })[0].entry.id).toBe('bleach-2');
  });

  it('marks an entry in the very words of the claim as strong, even where the model is unsure among near-twins', () => {
    // Many entries that differ only in a name and a number: the model's probability for the exact twin stays under its line.
    const names = 'Lakatu Romibe Tulano Visade Fogupe Rizoha Netimo Luka Bero Midefo'.split(' ');
    const twins = Array.from({ length: 200 }, (_, i) => ({
      id: `t${i}`,
      claim: `${names[i % 10]} Holdings built ${3 + (i % 40)} bridges near ${names[(i * 3 + 1) % 10]} for ${100 + i} million dollars in ${1990 + (i % 30)}.`,
      title: null,
    }));
    const claim = twins[42].claim;
    const asked = claim.toUpperCase().replace(/\./g, ' !');
    // The model's line set above the twin's probability, whatever the shipped model gives it.
    const probability = new Matcher(twins).match(asked, { top: 1 })[0].score;
    const model = { ...shippedModel(), strongMatch: (probability + 1) / 2 };
    const near = new Matcher(twins, { model });
    const [best] = near.match(asked, { top: 1 });
    expect(best.entry.id).toBe('t42');
    expect(best.score).toBeLessThan(model.strongMatch);
    expect(best.strong).toBe(true);
    // A claim that differs by one word is not the same words: the model alone decides.
    const other = near.match(claim.replace('million', 'thousand'), { top: 1 })[0];
    expect(other.strong).toBe(other.score >= model.strongMatch);
  });

  it('marks a match possible at or above the possible-match line of the model and weak below it; a strong match is possible', () => {
    const ranked = matcher.match('Scientists say turbine noise gives people tumours', { top: 6 });
    const [best, last] = [ranked[0], ranked[ranked.length - 1]];
    expect(best.score).toBeGreaterThan(last.score);
    // The line set between the best and the last score, whatever the shipped model gives them.
    const model = { ...shippedModel(), possibleMatch: (best.score + last.score) / 2, strongMatch: 1.1 };
    const lined = new Matcher(library, { model }).match('Scientists say turbine noise gives people tumours', { top: 6 });
    expect(lined.map((m) => m.possible)).toEqual(lined.map((m) => m.score >= model.possibleMatch));
    expect(lined[0].possible).toBe(true);
    expect(lined[lined.length - 1].possible).toBe(false);
    const strongOnly = new Matcher(library, { model: { ...model, possibleMatch: 1.1, strongMatch: 0 } }).match('wind turbines', { top: 2 });
    expect(strongOnly.every((m) => m.strong && m.possible)).toBe(true);
  });

  it('finds nothing for an empty claim or an empty library', () => {
    expect(matcher.match('  the and of  ')).toEqual([]);
    expect(new Matcher([]).match('wind turbines')).toEqual([]);
  });

  it('gives reasons: shared names and numbers', () => {
    const [top] = matcher.match('Obama let 122 Guantanamo prisoners go', { top: 1 });
    expect(top.reasons.names).toEqual(expect.arrayContaining(['Obama', 'Guantanamo']));
    expect(top.reasons.numbers).toEqual(['122']);
    expect(top.reasons.conflicts).toEqual([]);
  });
});

describe('matchReasons', () => {
  it('flags a date the two disagree on', () => {
    const reasons = matchReasons('NASA admitted that the moon landing in 2011 was filmed in a studio.', 'NASA admits the 2023 moon landing was staged');
    expect(reasons.names).toContain('NASA');
    expect(reasons.conflicts).toEqual([{ kind: 'date', entry: '2011', claim: '2023', message: 'checked claim says 2011, this claim says 2023' }]);
  });

  it('flags numbers the two disagree on, and shares dates they agree on', () => {
    const reasons = matchReasons('In March 2020, 70 percent of those arrested in Charlotte came from out of state.', 'In March 2020, 40% of Charlotte arrests were outsiders');
    expect(reasons.dates).toEqual(['March 2020']);
    expect(reasons.conflicts).toEqual([{ kind: 'number', entry: '70 percent', claim: '40 percent', message: 'checked claim says 70 percent, this claim says 40 percent' }]);
  });

  it('reads no date of the claim in the day a post went out', () => {
    const reasons = matchReasons('ALDI offered free food to homeless people on Christmas Eve 2017.', 'Our stores will donate surplus fresh food this Christmas. — ALDI UK (@AldiUK) December 1, 2018');
    expect(reasons.conflicts).toEqual([]);
  });
});
