import { parse } from 'csv-parse/sync';
import { CSV_BOM, CSV_COLUMNS, csvField, neutraliseFormula, renderCsv } from './csv';
import { deepFreeze } from './testing/deep-freeze';
import { expectGolden } from './testing/golden';
import { HOSTILE_CORRECTION, HOSTILE_RATIONALE, CASTRO_CORRECTION, CASTRO_MEETING_QUOTE, sampleRangeReportModel, sampleReportModel } from './testing/sample-report';

type Row = Record<(typeof CSV_COLUMNS)[number], string>;

function parseCsv(text: string): Row[] {
  expect(text.startsWith(CSV_BOM)).toBe(true);
  return parse(text.slice(CSV_BOM.length), { columns: true, record_delimiter: '\r\n', relax_quotes: false });
}

describe('renderCsv', () => {
  const model = deepFreeze(sampleReportModel());
  const csv = renderCsv(model);
  const rows = parseCsv(csv);

  it('matches the golden file', () => {
    expectGolden('sample.csv', csv);
  });

  it('starts with a BOM and the header row, and ends every record with CRLF', () => {
    expect(csv.startsWith(`${CSV_BOM}${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Outside quoted fields, every line break is CRLF.
    const unquoted = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(unquoted).not.toMatch(/[^\r]\n/);
    expect(unquoted.split('\r\n')).toHaveLength(1 + 5 + 1);
  });

  it('parses back into the same entries, corrections first', () => {
    const entries = [...model.corrections, ...model.accurate];
    expect(rows).toHaveLength(entries.length);
    rows.forEach((row, i) => {
      const entry = entries[i];
      expect(row.claim_id).toBe(entry.claimId);
      expect(row.article).toBe('Havana’s Pivot East: What Cuba’s New Friendships Cost');
      expect(row.paragraph).toBe(String(entry.paragraph + 1));
      expect(row.quote).toBe(entry.quote);
      expect(row.rating).toBe(entry.rating.label);
      expect(row.attribution).toBe(entry.attribution ?? '');
      expect(row.approved_by).toBe(entry.approvedBy);
      expect(row.approved_at).toBe(entry.approvedAt);
      expect(row.sources.split(' | ')).toHaveLength(entry.sources.length);
    });
  });

  it('carries the Fidel Castro correction and its refuting sources', () => {
    const castro = rows.find((row) => row.quote === CASTRO_MEETING_QUOTE)!;
    expect(castro.paragraph).toBe('5');
    expect(castro.rating).toBe('False');
    expect(castro.correction).toBe(CASTRO_CORRECTION);
    expect(castro.sources).toBe(
      'Fidel Castro (Wikipedia) <https://en.wikipedia.org/wiki/Fidel_Castro> [REFUTES] (captured 2024-07-11 09:41 UTC, SHA-256 3f7a9c2e5b1d8f4a6c0e2b9d7f5a3c1e8b6d4f2a0c9e7b5d3f1a8c6e4b2d0f9a) | ' +
        'Xi Jinping hosts Miguel Díaz-Canel in Beijing (Example Wire) <https://wire.example.org/2022/11/25/xi-diaz-canel-beijing> [REFUTES] (captured 2024-07-11 09:42 UTC, SHA-256 a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90)',
    );
  });

  it('keeps quotes, commas, newlines and emoji intact, and defuses formulas', () => {
    const facility = rows.find((row) => row.claim_id === 'clm_wsj_facility')!;
    expect(facility.correction).toBe(`'${HOSTILE_CORRECTION}`);
    expect(facility.rationale).toBe(HOSTILE_RATIONALE);
    expect(facility.sources).toBe(
      '"Spy base", said who? Havana, Beijing, and <b>tea</b> (Example <i>Evening</i> News) <javascript:alert(1)> [CONTEXT] | ' +
        '@WSJ: Cuba to host a Chinese listening post <https://news.example.org/world?id=24&lang="en"> [SUPPORTS]',
    );
    expect(rows.find((row) => row.claim_id === 'clm_station_payments')!.hedges).toBe('unconfirmed sources claim [hedge]; most likely [hedge]');
    expect(rows.find((row) => row.claim_id === 'clm_chinese_loans')!.hedges).toBe('an estimated [approximation]');
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('names each entry’s own article in a workspace-wide report', () => {
    const range = parseCsv(renderCsv(sampleRangeReportModel()));
    expect(range.map((row) => row.article)).toContain('Grain, sanctions and a summer of summits');
  });
});

describe('CSV fields', () => {
  it.each([['=1+1'], ['+1'], ['-1'], ['@SUM(A1)'], [' =1'], ['\t=1'], ['\r1'], ['＝1']])('defuses %j', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it.each([['a=1'], ['Díaz-Canel'], ['1-2'], ['']])('leaves %j alone', (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });

  it('quotes fields with commas, quotes, CR or LF, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvField('one\rtwo')).toBe('"one\rtwo"');
    expect(csvField('=1,"2"')).toBe(`"'=1,""2"""`);
  });
});
