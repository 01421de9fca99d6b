// The check-worthy claims of an article file as `claimdesk match` queries. Its own module so that `match` loads the
// extraction code (most of a cold start's loading time) only when the queries are an article.
import fs from 'node:fs';
import { extractDocument } from '@claimdesk/extraction';

export async function articleQueries(file: string): Promise<Array<{ id: string; text: string }>> {
  const result = await extractDocument(fs.readFileSync(file), file);
  return result.claims
    .map((claim, i) => ({ claim, i }))
    .filter(({ claim }) => claim.checkWorthy)
    .map(({ claim, i }) => ({ id: `claim-${i + 1}`, text: claim.text }));
}
