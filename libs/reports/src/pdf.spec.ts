import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ReportModel } from './model';
import { renderPdf, toWinAnsi } from './pdf';
import { deepFreeze } from './testing/deep-freeze';
import { expectGolden } from './testing/golden';
import { extractPdfText, flatten } from './testing/pdf-text';
import { CASTRO_CORRECTION, CASTRO_MEETING_QUOTE, sampleRangeReportModel, sampleReportModel } from './testing/sample-report';

jest.setTimeout(30_000);

describe('renderPdf', () => {
  const model = deepFreeze(sampleReportModel());
  let pdf: Buffer;
  let text: string;

  beforeAll(async () => {
    pdf = await renderPdf(model);
    text = flatten((await extractPdfText(pdf)).text);
  });

  it('is a PDF that matches the golden file byte for byte', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expectGolden('sample.pdf', pdf);
  });

  it('gives the same bytes every time, dated from generatedAt', async () => {
    expect((await renderPdf(sampleReportModel())).equals(pdf)).toBe(true);
    const raw = pdf.toString('latin1');
    const dated = (key: string) => {
      const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(raw);
      expect(ref).not.toBeNull();
      return raw.slice(raw.indexOf(`\n${ref![1]} 0 obj`)).split('endobj')[0];
    };
    expect(dated('CreationDate')).toContain('(D:20240714093000Z)');
    expect(dated('ModDate')).toContain('(D:20240714093000Z)');
    const later = await renderPdf({ ...sampleReportModel(), generatedAt: '2024-07-15T09:30:00.000Z' });
    expect(later.equals(pdf)).toBe(false);
  });

  it('has selectable text with the Fidel Castro correction and its sources', () => {
    expect(text).toContain(flatten(CASTRO_MEETING_QUOTE));
    expect(text).toContain('Paragraph 5: False');
    expect(text).toContain(`Correction: ${CASTRO_CORRECTION}`);
    expect(text).toContain('Refutes: Fidel Castro, Wikipedia');
    expect(text).toContain('https://en.wikipedia.org/wiki/Fidel_Castro');
    expect(text).toContain('Approved by Ana Ionescu on 2024-07-12 14:03 UTC');
  });

  it('has the summary, the changes and the claims found accurate', () => {
    expect(text).toContain('Claims checked: 5');
    expect(text).toContain('Corrections needed: 2');
    expect(text).toContain('Correction to the corrections');
    expect(text).toContain('Checked and found accurate');
    expect(text).toContain('Hedges: The article hedged this claim with ‘unconfirmed sources claim’ and ‘most likely’.');
    expect(text).toContain('Hedges: The article hedged this claim with ‘an estimated’.');
    expect(text).not.toMatch(/clm_|HEDGE/);
    expect(text).toContain('Attribution: Boston University Global Development Policy Center');
    expect(text.indexOf('Corrections needed')).toBeLessThan(text.indexOf('Paragraph 5: False'));
    expect(text.indexOf('Paragraph 5: False')).toBeLessThan(text.indexOf('Checked and found accurate'));
  });

  it('shows hostile strings as text and links only http(s) addresses', () => {
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('Address given, not linked: javascript:alert(1)');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/URI (https://en.wikipedia.org/wiki/Fidel_Castro)');
    expect(raw).not.toMatch(/\/URI \(javascript:/i);
    expect(raw).not.toMatch(/\/S \/JavaScript|\/JS\b/);
  });

  it('numbers its pages', async () => {
    const { pages } = await extractPdfText(pdf);
    expect(text).toContain(`page 1 of ${pages}`);
  });

  it('embeds fonts that cover other scripts when given them', async () => {
    const pdfjs = path.dirname(require.resolve('pdfjs-dist/package.json', { paths: [path.dirname(require.resolve('pdf-parse'))] }));
    const font = (name: string) => fs.readFileSync(path.join(pdfjs, 'standard_fonts', name));
    const cyrillic: ReportModel = {
      ...sampleReportModel(),
      corrections: [{ ...sampleReportModel().corrections[0], correction: 'Мигель Диас-Канель встретился с Си Цзиньпином в ноябре 2022 года' }],
    };
    const withFonts = await renderPdf(cyrillic, {
      fonts: { regular: font('LiberationSans-Regular.ttf'), bold: font('LiberationSans-Bold.ttf'), italic: font('LiberationSans-Italic.ttf') },
    });
    expect(flatten((await extractPdfText(withFonts)).text)).toContain('Мигель Диас-Канель встретился с Си Цзиньпином');
    const again = await renderPdf(cyrillic, {
      fonts: { regular: font('LiberationSans-Regular.ttf'), bold: font('LiberationSans-Bold.ttf'), italic: font('LiberationSans-Italic.ttf') },
    });
    expect(again.equals(withFonts)).toBe(true);
    expect((await renderPdf(cyrillic, { fonts: { regular: font('LiberationSans-Regular.ttf') } })).length).toBeGreaterThan(0);
    const standard = flatten((await extractPdfText(await renderPdf(cyrillic))).text);
    expect(standard).toContain('Correction: ?????? ');
  });

  it('groups a workspace-wide report by article', async () => {
    const range = flatten((await extractPdfText(await renderPdf(sampleRangeReportModel()))).text);
    expect(range).toContain('Corrections report: Standards Desk, 2024-07-01 to 2024-07-31');
    expect(range).toContain('Article: Grain, sanctions and a summer of summits');
    expect(range).toContain('Correction: Exports rose by 4 percent in May');
  });

  it('compresses on request', async () => {
    const compressed = await renderPdf(model, { compress: true });
    expect(compressed.length).toBeLessThan(pdf.length);
    expect(flatten((await extractPdfText(compressed)).text)).toContain(CASTRO_CORRECTION);
  });
});

describe('toWinAnsi', () => {
  it('keeps Windows-1252, drops accents it lacks and replaces the rest', () => {
    expect(toWinAnsi('Díaz-Canel’s “Special Period” — 5 € … Zürich')).toBe('Díaz-Canel’s “Special Period” — 5 € … Zürich');
    expect(toWinAnsi('Őrség, Ștefan, Łódź, Đorđe')).toBe('Orség, Stefan, Lódz, Dorde');
    expect(toWinAnsi('🚀 习近平\tx\r\ny')).toBe('? ??? x\ny');
  });
});
