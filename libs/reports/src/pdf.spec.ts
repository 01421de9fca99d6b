import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ReportModel } from './model';
import { fontRuns, renderPdf, toWinAnsi } from './pdf';
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

describe('renderPdf with Noto Sans and its Korean and Arabic fallbacks', () => {
  const noto = (pkg: string, file: string) => fs.readFileSync(path.join(path.dirname(require.resolve(`@expo-google-fonts/${pkg}/package.json`)), file));
  const fonts = () => ({
    regular: noto('noto-sans', '400Regular/NotoSans_400Regular.ttf'),
    bold: noto('noto-sans', '700Bold/NotoSans_700Bold.ttf'),
    italic: noto('noto-sans', '400Regular_Italic/NotoSans_400Regular_Italic.ttf'),
    fallbacks: [{ regular: noto('noto-sans-kr', '400Regular/NotoSansKR_400Regular.ttf') }, { regular: noto('noto-sans-arabic', '400Regular/NotoSansArabic_400Regular.ttf') }],
  });
  const KOREAN = '김정은 위원장은 2023년 9월 크렘린이 아니라 보스토치니 우주기지에서 푸틴을 만났다';
  const model: ReportModel = {
    ...sampleReportModel(),
    corrections: [
      { ...sampleReportModel().corrections[0], correction: KOREAN, rationale: 'Кремль подтвердил встречу; Η συνάντηση έγινε στο Βοστότσνι; التقى بوتين كيم جونغ أون' },
      ...sampleReportModel().corrections.slice(1),
    ],
  };
  let pdf: Buffer;
  let text: string;

  beforeAll(async () => {
    pdf = await renderPdf(model, { fonts: fonts() });
    text = flatten((await extractPdfText(pdf)).text);
  });

  it('prints Korean, Cyrillic and Greek names in the text layer', () => {
    expect(text).toContain('김정은');
    expect(text).toContain(`Correction: ${KOREAN}`);
    expect(text).toContain('Кремль подтвердил встречу');
    expect(text).toContain('Η συνάντηση έγινε στο Βοστότσνι');
    expect(text).toContain(CASTRO_MEETING_QUOTE);
    expect(text).not.toMatch(/\?{3}/);
  });

  it('prints Arabic letters rather than question marks', () => {
    for (const letter of ['ب', 'ت', 'ك', 'م']) expect(text).toContain(letter);
  });

  it('embeds each font as a subset, and only the fonts the report uses', async () => {
    const raw = pdf.toString('latin1');
    const embedded = [...raw.matchAll(/\/BaseFont \/([A-Z]{6})\+([\w-]+)/g)].map((m) => m[2]);
    expect(embedded).toEqual(expect.arrayContaining(['NotoSans-Regular', 'NotoSansKR-Regular', 'NotoSansArabic-Regular']));
    // The whole Noto Sans KR is 6 MB; a subset of a few dozen glyphs stays small.
    expect(pdf.length).toBeLessThan(600_000);
    const latinOnly = await renderPdf(sampleReportModel(), { fonts: fonts() });
    expect(latinOnly.toString('latin1')).not.toContain('NotoSansKR');
    expect(flatten((await extractPdfText(latinOnly)).text)).toContain(`Correction: ${CASTRO_CORRECTION}`);
  });

  it('gives the same bytes every time', async () => {
    expect((await renderPdf(model, { fonts: fonts() })).equals(pdf)).toBe(true);
  });
});

describe('fontRuns', () => {
  const font = (re: RegExp) => ({ hasGlyphForCodePoint: (code: number) => re.test(String.fromCodePoint(code)) });
  const latin = font(/[\p{Script=Latin}\p{Script=Cyrillic}\s\p{P}\d]/u);
  const hangul = font(/[\p{Script=Hangul}\s,.]/u);

  it('keeps spaces and punctuation in the run they follow', () => {
    expect(fontRuns('Kim 김정은, 위원장. Then', [latin, hangul])).toEqual([
      { text: 'Kim ', font: 0 },
      { text: '김정은, 위원장. ', font: 1 },
      { text: 'Then', font: 0 },
    ]);
  });

  it('leaves characters no font has in the main font', () => {
    expect(fontRuns('a ب', [latin, hangul])).toEqual([{ text: 'a ب', font: 0 }]);
  });
});
