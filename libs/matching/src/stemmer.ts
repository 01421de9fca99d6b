// Porter2 stems, memoised: a library of 100,000 entries repeats the same few tens of thousands of words.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package ships CommonJS without types
const porter2 = require('wink-porter2-stemmer') as (word: string) => string;

const cache = new Map<string, string>();

export function stem(word: string): string {
  let hit = cache.get(word);
  if (hit === undefined) {
    hit = porter2(word);
    if (cache.size < 500_000) cache.set(word, hit);
  }
  return hit;
}
