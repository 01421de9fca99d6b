import { Bm25Index } from './bm25';
import { Matcher } from './matcher';
import { normaliseClaim, tokenise } from './normalise';
import { buildReference, formatReference, parseReference, shippedReference } from './reference';

const stems = (text: string) => tokenise(normaliseClaim(text)).map((t) => t.stem);

const checked = [
  'Miguel Díaz-Canel became president of Cuba in 2016.',
  'A defunct Chinese space station will crash into a European city next week.',
  "Cuba's sugar harvest fell to its lowest level in a century.",
  'Wind turbines cause cancer.',
  'Drinking bleach cures the coronavirus.',
].map((claim, i) => ({ id: `e${i}`, claim, title: null, rating: null, publisher: null, url: null, date: null, language: null, claimant: null }));

describe('reference document frequencies', () => {
  it('weigh a word as if the reference texts were in the index', () => {
    const reference = ['Putin met Kim in Vladivostok.', 'Kim Jong-un visited Russia in 2023.', 'The Pentagon said the talks failed.'];
    const own = ['Putin said the talks failed.', 'Kim said nothing.'];
    const together = new Bm25Index();
    for (const text of [...reference, ...own]) together.add(stems(text));
    const primed = new Bm25Index(true, undefined, buildReference(reference.map((claim) => ({ claim, title: '' }))).all);
    for (const text of own) primed.add(stems(text));
    for (const word of ['kim', 'putin', 'pentagon', 'talk', 'unseen']) expect(primed.idf(word)).toBeCloseTo(together.idf(word), 12);
  });

  it('round-trip through their file, and the shipped file holds the training library', () => {
    const reference = buildReference([
      { claim: 'Wind turbines cause cancer.', title: 'Do wind turbines cause cancer?' },
      { claim: 'Bleach cures the coronavirus.', title: '' },
    ]);
    const parsed = parseReference(formatReference(reference, 'test'));
    expect(parsed.all.size).toBe(2);
    expect([...parsed.all.df].sort()).toEqual([...reference.all.df].sort());
    expect([...parsed.titles.df].sort()).toEqual([...reference.titles.df].sort());
    expect(parsed.claims.df.get('cancer')).toBe(1);
    const shipped = shippedReference();
    expect(shipped.all.size).toBeGreaterThan(10_000);
    expect(shipped.all.df.get('said')).toBeGreaterThan(shipped.all.df.get('vladivostok') ?? 0);
  });

  it('let a five-entry library score a reworded fact-check as a large library would, and leave unrelated entries low', () => {
    const claim = 'Miguel Díaz-Canel came to power in 2016, promising continuity rather than reform.';
    const [bare] = new Matcher(checked, { reference: null }).match(claim, { top: 1 });
    const [primed, ...rest] = new Matcher(checked).match(claim, { top: 3 });
    expect([bare.entry.id, primed.entry.id]).toEqual(['e0', 'e0']);
    expect(primed.score).toBeGreaterThan(bare.score);
    expect(primed.possible).toBe(true);
    for (const other of rest) expect(other.possible).toBe(false);
  });
});
