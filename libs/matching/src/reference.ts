// Reference document frequencies: how common each word is in a large library of fact-checks, added to a library's own
// counts before BM25's inverse document frequency is taken. A desk's library starts small (its own approved verdicts,
// a first import), and in five entries a name that appears once is as common as "said"; the re-ranker was trained on
// ten thousand entries, where such a name is rare. With the reference counts a small library weighs words as a large
// one does, and a large one barely moves (its counts dwarf nothing: both are summed). Built by
// libs/matching/scripts/train.ts from the library it trains on; shipped in libs/matching/model/reference-df.tsv.
import fs from 'node:fs';
import path from 'node:path';
import { normaliseClaim, tokenise } from './normalise';

/** Document frequencies of one field (`all` = claim and headline together, as the index keeps them). */
export interface FieldFrequencies {
  size: number;
  df: ReadonlyMap<string, number>;
}

export interface ReferenceFrequencies {
  all: FieldFrequencies;
  claims: FieldFrequencies;
  titles: FieldFrequencies;
}

export const REFERENCE_FILE = path.join(__dirname, '..', 'model', 'reference-df.tsv');

/** Counts, in how many of these texts, each stem occurs (claim, headline, and either). */
export function buildReference(texts: Iterable<{ claim: string; title: string }>): ReferenceFrequencies {
  const all = new Map<string, number>();
  const claims = new Map<string, number>();
  const titles = new Map<string, number>();
  let size = 0;
  const count = (map: Map<string, number>, stems: Iterable<string>) => {
    for (const s of stems) map.set(s, (map.get(s) ?? 0) + 1);
  };
  for (const text of texts) {
    const c = new Set(tokenise(normaliseClaim(text.claim)).map((t) => t.stem));
    const t = new Set(tokenise(normaliseClaim(text.title)).map((x) => x.stem));
    count(all, new Set([...c, ...t]));
    count(claims, c);
    count(titles, t);
    size++;
  }
  return { all: { size, df: all }, claims: { size, df: claims }, titles: { size, df: titles } };
}

/** The file: a comment line with the number of texts, then `stem<TAB>all<TAB>claims<TAB>titles`, sorted by stem. */
export function formatReference(reference: ReferenceFrequencies, comment: string): string {
  const lines = [`# ${reference.all.size} texts; ${comment}`];
  for (const stem of [...reference.all.df.keys()].sort()) lines.push(`${stem}\t${reference.all.df.get(stem)}\t${reference.claims.df.get(stem) ?? 0}\t${reference.titles.df.get(stem) ?? 0}`);
  return `${lines.join('\n')}\n`;
}

export function parseReference(text: string): ReferenceFrequencies {
  const lines = text.split('\n');
  const size = Number(/^# (\d+) texts/.exec(lines[0] ?? '')?.[1]);
  if (!Number.isInteger(size) || size <= 0) throw new Error('reference frequencies: the first line must give the number of texts');
  const all = new Map<string, number>();
  const claims = new Map<string, number>();
  const titles = new Map<string, number>();
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const [stem, a, c, t] = line.split('\t');
    all.set(stem, Number(a));
    if (c !== '0') claims.set(stem, Number(c));
    if (t !== '0') titles.set(stem, Number(t));
  }
  return { all: { size, df: all }, claims: { size, df: claims }, titles: { size, df: titles } };
}

let shipped: ReferenceFrequencies | undefined;

/** The shipped reference frequencies, read once per process. */
export function shippedReference(): ReferenceFrequencies {
  if (!shipped) shipped = parseReference(fs.readFileSync(REFERENCE_FILE, 'utf8'));
  return shipped;
}
