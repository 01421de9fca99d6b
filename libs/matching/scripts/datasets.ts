// Reads the CLEF 2020 CheckThat! task 2 (English) data beside the repository: the verified claims, and the tweets
// with their relevant verified claims for one split. Training and evaluation only; tests never read it.
import fs from 'node:fs';
import path from 'node:path';

const DATASET = path.resolve(__dirname, '../../../..', 'shared', 'datasets', 'clef2020_checkthat_task2_en');

export interface Query {
  id: string;
  text: string;
  relevant: Set<string>;
}

export function datasetFile(...segments: string[]): string {
  const file = path.join(DATASET, ...segments);
  if (!fs.existsSync(file)) {
    throw new Error(
      `Missing dataset file ${file}.\nTraining and evaluation of matching read CLEF 2020 CheckThat! task 2 (English) from shared/datasets/clef2020_checkthat_task2_en/ ` +
        'beside the repository folder (verified_claims.docs.tsv, train/, dev/). The tests and the shipped model run without it.',
    );
  }
  return file;
}

/** The verified-claims file, for `createMatcherFromFile` and friends. */
export const libraryFile = (): string => datasetFile('verified_claims.docs.tsv');

/** TSV rows without quote processing (fields hold unbalanced double quotes); the header row dropped. */
function rows(file: string): string[][] {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => line.split('\t'));
}

export function readQueries(split: 'train' | 'dev'): Query[] {
  const relevant = new Map<string, Set<string>>();
  // Qrels: `qid 0 docid 1`, no header row.
  for (const line of fs.readFileSync(datasetFile(split, 'tweet-vclaim-pairs.qrels'), 'utf8').split(/\r?\n/)) {
    const [qid, , doc] = line.split('\t');
    if (!doc) continue;
    if (!relevant.has(qid)) relevant.set(qid, new Set());
    relevant.get(qid)!.add(doc);
  }
  return rows(datasetFile(split, 'tweets.queries.tsv')).map(([id, text]) => ({ id, text, relevant: relevant.get(id) ?? new Set() }));
}
