// `claimdesk match`: queries against a library file, no database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli';

let dir = '';
const file = (name: string, content: string): string => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
};

beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-cli-match-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const LIBRARY_TSV = [
  '\tvclaim\ttitle',
  '10\tText messages say recipients have been selected for a military draft.\tMilitary Draft Text Messages',
  '11\tNoise from wind turbines causes cancer.\tDo Wind Turbines Cause Cancer?',
  '12\tNASA admitted that the moon landing in 1969 was filmed in a studio.\tDid NASA Admit the Moon Landing Was Faked?',
  '13\tDrinking bleach cures the coronavirus.\tDoes Bleach Cure COVID-19?',
].join('\n');

describe('claimdesk match', () => {
  it('prints a TREC run for a TSV of queries', async () => {
    const library = file('library.tsv', LIBRARY_TSV);
    const queries = file(
      'queries.tsv',
      '\ttweet_content\nq1\tYou have NOT been drafted: fake military draft texts are going around — Army (@army) January 7, 2020\nq2\tNASA faked the moon landing in 2023 in a studio\n',
    );
    const result = await runCli(['match', queries, '--library', library, '--top', '2']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^q[12] Q0 1[0-3] [12] \d\.\d{6} claimdesk$/);
    expect(lines[0]).toMatch(/^q1 Q0 10 1 /);
    expect(lines[2]).toMatch(/^q2 Q0 12 1 /);
  });

  it('prints JSON with reasons, for a ClaimReview library and an article whose claims become the queries', async () => {
    const library = file(
      'library.json',
      JSON.stringify({
        '@context': 'https://schema.org',
        '@graph': [
          {
            '@type': 'ClaimReview',
            url: 'https://checks.example/moon',
            claimReviewed: 'NASA admitted that the moon landing in 1969 was filmed in a studio.',
            reviewRating: { alternateName: 'False' },
            author: { name: 'Example Checks' },
          },
          {
            '@type': 'ClaimReview',
            url: 'https://checks.example/wind',
            claimReviewed: 'Noise from wind turbines causes cancer.',
            reviewRating: { alternateName: 'False' },
            author: { name: 'Example Checks' },
          },
        ],
      }),
    );
    const article = file('article.txt', 'Moon hoax returns.\n\nNASA admitted in 2023 that the moon landing was filmed in a studio in Nevada, according to a viral post.\n');
    const result = await runCli(['match', article, '--library', library, '--format', 'json', '--top', '1']);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as {
      queries: Array<{ id: string; text: string; matches: Array<{ entry: { url: string; rating: string }; reasons: { names: string[]; conflicts: Array<{ message: string }> } }> }>;
    };
    const moon = out.queries.find((q) => q.text.includes('moon landing'))!;
    expect(moon.matches[0].entry).toMatchObject({ url: 'https://checks.example/moon', rating: 'False' });
    expect(moon.matches[0].reasons.names).toContain('NASA');
    expect(moon.matches[0].reasons.conflicts.map((c) => c.message)).toContain('checked claim says 1969, this claim says 2023');
  });

  it('reports skipped library lines on stderr and bad arguments clearly', async () => {
    const library = file('library.csv', 'claim,rating\nWind turbines cause cancer,False\n,True\n');
    const queries = file('q.tsv', 'id\ttext\n1\twind turbines and cancer\n');
    const result = await runCli(['match', queries, '--library', library, '--format', 'trec']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('line 3 skipped: no claim text');
    expect(result.stdout).toMatch(/^1 Q0 line_2 1 /);
    const badTop = await runCli(['match', queries, '--library', library, '--top', '0']);
    expect(badTop.code).not.toBe(0);
    expect(badTop.stderr).toContain('top must be a whole number');
    const notJson = await runCli(['match', queries, '--library', file('lib.json', 'claim\nx\n')]);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain('named as JSON');
  });
});
