// Readers for the shared labelled datasets (ClaimBuster, CLEF 2019 CheckThat! task 1, Szeged uncertainty) used by train, eval and bench.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** The read-only shared folder that sits next to the repository root. */
export const SHARED_DIR = path.resolve(__dirname, '../../..', '..', 'shared');
export const MODEL_DIR = path.resolve(__dirname, '..', 'model');

export function sharedPath(...segments: string[]): string {
  return path.join(SHARED_DIR, ...segments);
}

/** A file or folder of the shared datasets; a MissingDatasetError that names it when it is not there. */
export function datasetPath(...segments: string[]): string {
  const file = sharedPath('datasets', ...segments);
  if (!fs.existsSync(file)) throw new MissingDatasetError(file);
  return file;
}

/** Thrown when a dataset is not beside the repository; its message says where it was looked for and what to do. */
export class MissingDatasetError extends Error {
  constructor(readonly missing: string) {
    const root = sharedPath('datasets');
    super(
      `${fs.existsSync(root) ? `Missing dataset: ${missing}` : `No datasets folder at ${root}`}.\n` +
        'Training and evaluation read the public labelled datasets from shared/datasets/ beside the repository folder: ' +
        'claimbuster/ (crowdsourced.csv, groundtruth.csv), clef2019_checkthat_task1_en/ (train/, test/) and ' +
        'szeged_uncertainty_wiki/ (wiki.xml). Put them there and run the script again.\n' +
        'Nothing else needs them: the tests, the benchmarks and the shipped model in libs/extraction/model run without.',
    );
    this.name = 'MissingDatasetError';
  }
}

/**
 * Runs a script's main once every input is there (each path function throws MissingDatasetError when its file is
 * not), so a missing dataset stops the run before any work, with the message alone and exit code 1.
 */
export function runWithDatasets(inputs: () => string[], main: () => void): void {
  try {
    inputs();
    main();
  } catch (error) {
    if (!(error instanceof MissingDatasetError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}

/** How a shared file is named in committed files: relative to the repository root, never absolute. */
export function repoRelative(file: string): string {
  return path.relative(path.resolve(__dirname, '../../..'), file).split(path.sep).join('/');
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface ClaimBusterSentence {
  id: string;
  text: string;
  /** CFS: a check-worthy factual sentence. */
  checkWorthy: boolean;
  verdict: number;
  debate: string;
}

export function claimBusterFile(name: 'crowdsourced.csv' | 'groundtruth.csv'): string {
  return datasetPath('claimbuster', name);
}

export function loadClaimBuster(name: 'crowdsourced.csv' | 'groundtruth.csv'): ClaimBusterSentence[] {
  const [header, ...rows] = parseCsv(fs.readFileSync(claimBusterFile(name), 'utf8'));
  const col = (n: string): number => header.indexOf(n);
  const [id, text, verdict, debate] = [col('Sentence_id'), col('Text'), col('Verdict'), col('File_id')];
  return rows.filter((r) => r.length >= header.length).map((r) => ({ id: r[id], text: r[text], verdict: Number(r[verdict]), checkWorthy: Number(r[verdict]) === 1, debate: r[debate] }));
}

export interface ClefSentence {
  line: number;
  speaker: string;
  text: string;
  checkWorthy: boolean;
}

export function clefDir(split: 'train' | 'test'): string {
  return datasetPath('clef2019_checkthat_task1_en', split);
}

/** CLEF 2019 task 1: one list of sentences per debate or speech, in order. */
export function loadClef(split: 'train' | 'test'): Map<string, ClefSentence[]> {
  const dir = clefDir(split);
  const debates = new Map<string, ClefSentence[]>();
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort()) {
    const sentences = fs
      .readFileSync(path.join(dir, file), 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim())
      .map((l) => l.split('\t'))
      .map((f) => ({ line: Number(f[0]), speaker: f[1], text: f[2] ?? '', checkWorthy: f[3]?.trim() === '1' }));
    debates.set(file.replace(/\.tsv$/, ''), sentences);
  }
  return debates;
}

export interface SzegedSentence {
  text: string;
  /** Character ranges of the annotated uncertainty cues within `text`. */
  cues: Array<[number, number]>;
}
export interface SzegedDocument {
  id: string;
  sentences: SzegedSentence[];
}

export function szegedFile(): string {
  return datasetPath('szeged_uncertainty_wiki', 'wiki.xml');
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** The Wikipedia part of the Szeged corpus, documents in file order; a sentence with any ccue is uncertain. */
export function loadSzeged(): SzegedDocument[] {
  const xml = fs.readFileSync(szegedFile(), 'utf8');
  const documents: SzegedDocument[] = [];
  for (const doc of xml.matchAll(/<Document\b[^>]*>([\s\S]*?)<\/Document>/g)) {
    const id = decodeEntities(/<DocID[^>]*>([\s\S]*?)<\/DocID>/.exec(doc[1])?.[1] ?? '');
    const sentences: SzegedSentence[] = [];
    for (const s of doc[1].matchAll(/<Sentence\b[^>]*>([\s\S]*?)<\/Sentence>/g)) {
      let text = '';
      const cues: Array<[number, number]> = [];
      let cueStart = -1;
      for (const part of s[1].split(/(<[^>]+>)/)) {
        if (part.startsWith('<')) {
          if (/^<ccue\b/.test(part)) cueStart = text.length;
          else if (/^<\/ccue>/.test(part) && cueStart !== -1) {
            cues.push([cueStart, text.length]);
            cueStart = -1;
          }
        } else text += decodeEntities(part);
      }
      sentences.push({ text, cues });
    }
    documents.push({ id, sentences });
  }
  return documents;
}
