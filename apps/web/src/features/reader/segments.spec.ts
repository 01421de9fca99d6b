import { segmentText } from './segments';

const text = (t: string, segs: ReturnType<typeof segmentText>) => segs.map((s) => t.slice(s.start, s.end));

describe('segmentText', () => {
  it('returns the whole text as one run when there is nothing to mark', () => {
    expect(segmentText(5, [], [])).toEqual([{ start: 0, end: 5, claimIds: [], cues: [] }]);
  });

  it('cuts at the edges of a single claim', () => {
    const t = 'abc CLAIM def';
    const segs = segmentText(t.length, [{ id: 'c1', start: 4, end: 9 }], []);
    expect(text(t, segs)).toEqual(['abc ', 'CLAIM', ' def']);
    expect(segs.map((s) => s.claimIds)).toEqual([[], ['c1'], []]);
  });

  it('splits partially overlapping claims into three covered runs (equal lengths: the later start first)', () => {
    const segs = segmentText(
      10,
      [
        { id: 'a', start: 0, end: 6 },
        { id: 'b', start: 4, end: 10 },
      ],
      [],
    );
    expect(segs.map((s) => [s.start, s.end, s.claimIds])).toEqual([
      [0, 4, ['a']],
      [4, 6, ['b', 'a']],
      [6, 10, ['b']],
    ]);
  });

  it('lists the innermost claim first when one claim nests inside another', () => {
    const segs = segmentText(
      20,
      [
        { id: 'outer', start: 0, end: 20 },
        { id: 'inner', start: 5, end: 8 },
      ],
      [],
    );
    expect(segs.find((s) => s.start === 5)?.claimIds).toEqual(['inner', 'outer']);
    expect(segs.map((s) => [s.start, s.end])).toEqual([
      [0, 5],
      [5, 8],
      [8, 20],
    ]);
  });

  it('keeps identical claims both, and cuts at cue boundaries inside a claim', () => {
    const t = 'Iran allegedly helped, sources claim.';
    const segs = segmentText(
      t.length,
      [
        { id: 'x', start: 0, end: 21 },
        { id: 'y', start: 0, end: 21 },
      ],
      [
        { type: 'hedge', start: 5, end: 14 },
        { type: 'attribution', start: 23, end: 36 },
      ],
    );
    expect(text(t, segs)).toEqual(['Iran ', 'allegedly', ' helped', ', ', 'sources claim', '.']);
    expect(segs[1]).toMatchObject({ claimIds: ['x', 'y'], cues: ['hedge'] });
    expect(segs[4]).toMatchObject({ claimIds: [], cues: ['attribution'] });
  });

  it('merges several cues of different types on the same run, each type once', () => {
    const segs = segmentText(
      10,
      [],
      [
        { type: 'attribution', start: 2, end: 6 },
        { type: 'hedge', start: 2, end: 6 },
        { type: 'hedge', start: 3, end: 5 },
      ],
    );
    expect(segs.find((s) => s.start === 3)?.cues).toEqual(['hedge', 'attribution']);
  });

  it('ignores orphaned and empty claims and clips ranges outside the text', () => {
    const segs = segmentText(
      10,
      [
        { id: 'orphan', start: null, end: null },
        { id: 'empty', start: 4, end: 4 },
        { id: 'long', start: 8, end: 99 },
      ],
      [{ type: 'hedge', start: -3, end: 2 }],
    );
    expect(segs.map((s) => [s.start, s.end, s.claimIds, s.cues])).toEqual([
      [0, 2, [], ['hedge']],
      [2, 8, [], []],
      [8, 10, ['long'], []],
    ]);
  });

  it('covers the text exactly once with no gaps for many random overlapping claims', () => {
    const claims = Array.from({ length: 300 }, (_, i) => ({ id: `c${i}`, start: (i * 37) % 900, end: ((i * 37) % 900) + 5 + (i % 40) }));
    const segs = segmentText(1000, claims, []);
    expect(segs[0].start).toBe(0);
    expect(segs[segs.length - 1].end).toBe(1000);
    for (let i = 1; i < segs.length; i++) expect(segs[i].start).toBe(segs[i - 1].end);
    for (const c of claims) {
      const covered = segs.filter((s) => s.claimIds.includes(c.id));
      expect(covered[0].start).toBe(c.start);
      expect(covered[covered.length - 1].end).toBe(c.end);
      expect(covered.reduce((n, s) => n + s.end - s.start, 0)).toBe(c.end - c.start);
    }
  });
});

// Its speed is measured by the web benchmark (`npm run bench`), not here.
describe('segmentText at scale', () => {
  it('cuts a long article with 1,000 claims and 3,000 cues into segments that cover it in order', () => {
    const length = 200_000;
    const claims = Array.from({ length: 1000 }, (_, i) => ({ id: `c${i}`, start: i * 190, end: i * 190 + 150 + (i % 7) * 20 }));
    const cues = claims.flatMap((c) => [0, 40, 90].map((o, j) => ({ type: (['hedge', 'attribution', 'approximation'] as const)[j], start: c.start! + o, end: c.start! + o + 12 })));
    const segments = segmentText(length, claims, cues);
    expect(segments.length).toBeGreaterThan(6000);
    for (let i = 1; i < segments.length; i++) expect(segments[i].start).toBe(segments[i - 1].end);
    expect(segments[0].start).toBe(0);
    expect(segments[segments.length - 1].end).toBe(length);
  });
});
