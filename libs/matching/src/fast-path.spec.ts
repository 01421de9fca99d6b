// The fast paths of candidate retrieval (BM25 over reused typed arrays with a bounded selection; the vector scan that
// sums only the entries its 8-bit first pass cannot rule out) must rank exactly as the straightforward scoring does.
import { Bm25Index, topN } from './bm25';
import { buildIndexSnapshot, Matcher } from './matcher';
import { snapshotBuffers } from './features';
import { VectorTable } from './nearest';
import { DIMENSIONS, normalised } from './vectors';

const WORDS = (
  'vaccine covid president obama trump election fraud votes million billion percent tax border wall immigrants crime ' +
  'police protest arrested city mayor governor climate warming carbon wind turbine cancer water bleach cure virus mask ' +
  'school children teachers unemployment jobs economy wages inflation prices gas oil china russia ukraine war troops ' +
  'nasa moon landing studio guantanamo detainees released terrorism draft military text messages selected army'
).split(' ');

function generator(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const sentence = (n: number) =>
    Array.from({ length: n }, () => {
      const r = next();
      return r < 0.1 ? String(Math.floor(next() * 3000)) : WORDS[Math.floor(next() ** 1.5 * WORDS.length)];
    }).join(' ');
  return { next, sentence };
}

describe('fast retrieval paths', () => {
  it('BM25: best() returns what scoring every posting and sorting returns, ties included, with documents added between queries', () => {
    const { next, sentence } = generator(7);
    const index = new Bm25Index();
    for (let i = 0; i < 3000; i++) index.add(sentence(3 + Math.floor(next() * 20)).split(' '));
    // Exact duplicates make equal scores, so the tie order is checked too.
    for (let i = 0; i < 50; i++) index.add(['vaccine', 'cure', 'cancer']);
    for (let q = 0; q < 100; q++) {
      // New documents move the average length, so every weight kept from earlier queries must be worked out again.
      if (q === 50) for (let i = 0; i < 500; i++) index.add(sentence(20 + Math.floor(next() * 20)).split(' '));
      const terms = q % 10 === 0 ? ['vaccine', 'cure'] : sentence(2 + Math.floor(next() * 12)).split(' ');
      for (const n of [1, 10, 30]) expect(index.best(terms, n)).toEqual(topN(index.scoreAll(terms), n));
    }
    expect(index.best(['nothing-like-it'], 5)).toEqual([]);
  });

  it('vectors: nearest() returns what the plain scan returns, with entries added between queries', () => {
    const { next } = generator(11);
    const vector = () => normalised(Float32Array.from({ length: DIMENSIONS }, () => next() - 0.3));
    const table = new VectorTable();
    const twin = vector();
    for (let i = 0; i < 4000; i++) table.add(i % 500 === 0 ? twin : vector());
    for (let q = 0; q < 60; q++) {
      if (q === 30) for (let i = 0; i < 1000; i++) table.add(vector());
      const query = q % 10 === 0 ? twin : vector();
      const fast = table.nearest(query, 10);
      expect(fast).toEqual(table.nearest(query, 10, true));
      expect(fast).toHaveLength(10);
    }
  });

  it('vectors: the 8-bit first pass runs here, and keeps near-ties, zero vectors, skipped entries and restored tables exact', () => {
    expect(VectorTable.simd).toBe(true);
    const { next } = generator(13);
    const base = normalised(Float32Array.from({ length: DIMENSIONS }, () => next() - 0.5));
    // Copies of one vector moved by less than a byte's step: the rounded scores tie, only the exact ones tell them apart.
    const nudged = () => normalised(base.map((x) => x + (next() - 0.5) * 1e-4));
    const table = new VectorTable();
    for (let i = 0; i < 3000; i++) table.add(i % 3 === 0 ? nudged() : i % 101 === 0 ? new Float32Array(DIMENSIONS) : normalised(Float32Array.from({ length: DIMENSIONS }, () => next() - 0.5)));
    const skip = new Set([0, 3, 6, 9]);
    const restored = VectorTable.of(table.copy(), table.roundedRows() ?? undefined);
    const unrounded = VectorTable.of(table.copy());
    for (let q = 0; q < 20; q++) {
      const query = q % 2 ? nudged() : normalised(Float32Array.from({ length: DIMENSIONS }, () => next() - 0.5));
      const plain = table.nearest(query, 10, true);
      expect(table.nearest(query, 10)).toEqual(plain);
      expect(restored.nearest(query, 10)).toEqual(plain);
      expect(unrounded.nearest(query, 10)).toEqual(plain);
      expect(table.nearest(query, 10, false, skip)).toEqual(table.nearest(query, 10, true, skip));
    }
    expect(table.nearest(new Float32Array(DIMENSIONS), 3)).toEqual(table.nearest(new Float32Array(DIMENSIONS), 3, true));
  });

  it('Matcher: the same top matches, scores and reasons as the straightforward scoring on a generated library', () => {
    const { next, sentence } = generator(3);
    const entries = Array.from({ length: 2500 }, (_, i) => ({ id: `e${i}`, claim: sentence(6 + Math.floor(next() * 25)), title: i % 3 ? sentence(5) : null }));
    const fast = new Matcher(entries);
    const straightforward = new Matcher(entries, { exhaustive: true });
    for (let q = 0; q < 40; q++) {
      const claim = q % 4 === 0 ? entries[Math.floor(next() * entries.length)].claim : sentence(5 + Math.floor(next() * 20));
      const expected = straightforward.match(claim, { top: 10 });
      expect(expected.length).toBeGreaterThan(0);
      expect(fast.match(claim, { top: 10 })).toEqual(expected);
    }
  });

  it('Matcher: a small bound on the kept per-entry features changes no result, built in place or restored', () => {
    const { next, sentence } = generator(17);
    const entries = Array.from({ length: 1500 }, (_, i) => ({ id: `e${i}`, claim: sentence(6 + Math.floor(next() * 25)), title: i % 3 ? sentence(5) : null }));
    const kept = new Matcher(entries);
    const bounded = new Matcher(entries, { detailCache: 50 });
    const snapshot = buildIndexSnapshot(entries);
    const restored = new Matcher(entries, { snapshot, detailCache: 50 });
    for (let q = 0; q < 40; q++) {
      const claim = q % 3 === 0 ? entries[Math.floor(next() * entries.length)].claim : sentence(5 + Math.floor(next() * 20));
      const expected = kept.match(claim, { top: 10 });
      expect(bounded.match(claim, { top: 10 })).toEqual(expected);
      expect(restored.match(claim, { top: 10 })).toEqual(expected);
    }
    expect(kept.cachedDetails).toBeGreaterThan(50);
    expect(bounded.cachedDetails).toBe(50);
    expect(restored.cachedDetails).toBe(50);
  });

  it('Matcher: removed entries are never candidates, on both paths alike', () => {
    const { next, sentence } = generator(5);
    const entries = Array.from({ length: 1500 }, (_, i) => ({ id: `e${i}`, claim: sentence(6 + Math.floor(next() * 25)), title: i % 3 ? sentence(5) : null }));
    const fast = new Matcher(entries);
    const straightforward = new Matcher(entries, { exhaustive: true });
    const claims = Array.from({ length: 20 }, (_, q) => (q % 2 ? entries[Math.floor(next() * entries.length)].claim : sentence(5 + Math.floor(next() * 20))));
    // Take out every entry that is among any claim's top 3, so the candidates change.
    const removed = new Set(claims.flatMap((c) => fast.match(c, { top: 3 }).map((m) => m.entry.id)));
    for (const id of removed) {
      expect(fast.remove(id)).toBe(true);
      expect(straightforward.remove(id)).toBe(true);
    }
    for (const claim of claims) {
      const expected = straightforward.match(claim, { top: 10 });
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.some((m) => removed.has(m.entry.id))).toBe(false);
      expect(fast.match(claim, { top: 10 })).toEqual(expected);
    }
  });

  it('Matcher: an index built as a snapshot and moved to another owner (buffers transferred) ranks exactly as one built in place', () => {
    const { next, sentence } = generator(9);
    const entries = Array.from({ length: 2000 }, (_, i) => ({ id: `e${i}`, claim: sentence(6 + Math.floor(next() * 25)), title: i % 3 ? sentence(5) : null }));
    const snapshot = buildIndexSnapshot(entries);
    // What a worker thread's postMessage does with a transfer list: the buffers move, the sender's arrays are emptied.
    const moved = structuredClone(snapshot, { transfer: snapshotBuffers(snapshot) });
    expect(snapshot.vectors.length).toBe(0);
    const restored = new Matcher(entries, { snapshot: moved });
    const built = new Matcher(entries);
    const claims = Array.from({ length: 30 }, (_, q) => (q % 3 === 0 ? entries[Math.floor(next() * entries.length)].claim : sentence(5 + Math.floor(next() * 20))));
    for (const claim of claims) {
      const expected = built.match(claim, { top: 10 });
      expect(expected.length).toBeGreaterThan(0);
      expect(restored.match(claim, { top: 10 })).toEqual(expected);
    }
    // Both take small changes in place the same way afterwards.
    const more = Array.from({ length: 50 }, (_, i) => ({ id: `n${i}`, claim: sentence(10), title: null }));
    for (const m of [restored, built]) {
      for (const e of more) m.add(e);
      m.remove('e1');
      m.remove(built.match(claims[0], { top: 1 })[0].entry.id);
    }
    for (const claim of [...claims, ...more.slice(0, 5).map((e) => e.claim)]) expect(restored.match(claim, { top: 10 })).toEqual(built.match(claim, { top: 10 }));
  });
});
