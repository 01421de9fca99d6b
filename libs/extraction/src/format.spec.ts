// The CLI's two outputs: a readable table and a JSON shape other tools depend on.
import { extractClaims } from './claims';
import { formatClaimsTable, toExtractJson } from './format';

const result = extractClaims('According to the US Pentagon, North Korea sent millions of artillery rounds to Russia last year. Was it enough?');

describe('toExtractJson', () => {
  it('keeps the stable shape, key by key and in order', () => {
    const json = toExtractJson(result) as { text: string; claims: Array<Record<string, unknown>> };
    expect(Object.keys(json)).toEqual(['text', 'claims']);
    expect(json.text).toBe(result.text);
    expect(Object.keys(json.claims[0])).toEqual(['text', 'start', 'end', 'paragraph', 'kind', 'score', 'checkWorthy', 'reasons', 'cues', 'attribution', 'numbers', 'dates', 'entities', 'claimant']);
    const first = json.claims[0] as { cues: object[]; numbers: object[]; dates: object[]; entities: object[]; attribution: string };
    expect(first.attribution).toBe('the US Pentagon');
    expect((first as unknown as { claimant: string }).claimant).toBe('US Pentagon');
    expect(Object.keys(first.cues[0])).toEqual(['type', 'text', 'start', 'end']);
    expect(Object.keys(first.numbers[0])).toEqual(['text', 'value', 'unit', 'start', 'end']);
    expect(Object.keys(first.dates[0])).toEqual(['text', 'kind', 'iso', 'start', 'end']);
    expect(Object.keys(first.entities[0])).toEqual(['text', 'type', 'start', 'end']);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('formatClaimsTable', () => {
  it('prints one row per claim with its kind, score, check-worthiness and cues', () => {
    const table = formatClaimsTable(result).split('\n');
    expect(table[0]).toMatch(/^#\s+¶\s+kind\s+score\s+check\s+cues\s+claim$/);
    expect(table[2]).toMatch(/^1\s+0\s+attributed\s+0\.\d\d\s+yes\s+attribution: According to the US Pent\S*…\s+According to the US Pentagon/);
    expect(table[3]).toMatch(/^2\s+0\s+other\s+0\.\d\d\s+question: \?\s+Was it enough\?$/);
    expect(table[table.length - 1]).toBe('2 claims, 1 check-worthy');
  });
});
