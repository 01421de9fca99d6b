// A draft can never be mistaken for a published report: every format says DRAFT, and nothing says "Published by".
import { parseReportJson } from './json';
import type { ReportModel } from './model';
import { REPORT_FORMATS, render } from './render';
import { extractPdfText, flatten } from './testing/pdf-text';
import { sampleReportModel } from './testing/sample-report';

jest.setTimeout(30_000);

describe('a draft report', () => {
  const draft: ReportModel = { ...sampleReportModel(), draft: true };
  const reportUrl = 'https://daily.example.org/corrections/draft';

  it.each(REPORT_FORMATS.map((format) => [format]))('names its %s file -draft, never a version', async (format) => {
    const file = await render(draft, format, { reportUrl });
    expect(file.fileName).toBe(`corrections-standards-desk-havanas-pivot-east-what-cubas-new-friendships-cost-draft.${format}`);
    expect((await render(sampleReportModel(), format, { reportUrl })).fileName).toMatch(/-v2\.\w+$/);
  });

  it('carries the DRAFT banner in Markdown and HTML and no "Published by"', async () => {
    for (const format of ['md', 'html'] as const) {
      const text = (await render(draft, format, { reportUrl })).body.toString('utf8');
      expect(text).toContain('DRAFT: not published.');
      expect(text).toContain('Draft, not published (would be version 2)');
      expect(text).not.toContain('Published by');
      expect(text).not.toMatch(/Version 2,/);
      const published = (await render(sampleReportModel(), format, { reportUrl })).body.toString('utf8');
      expect(published).not.toContain('DRAFT');
      expect(published).toContain('Published by Example Daily');
    }
  });

  it('draws DRAFT across every PDF page and leaves "Published by" out', async () => {
    const pdf = await render(draft, 'pdf');
    const { text, pages } = await extractPdfText(pdf.body);
    const flat = flatten(text);
    expect(flat.match(/DRAFT/g)?.length ?? 0).toBeGreaterThanOrEqual(pages + 1);
    expect(flat).toContain('DRAFT, not published · page 1 of');
    expect(flat).not.toContain('Published by');
    const published = flatten((await extractPdfText((await render(sampleReportModel(), 'pdf')).body)).text);
    expect(published).not.toContain('DRAFT');
  });

  it('says draft: true in JSON, which reads back as a draft', async () => {
    const json = (await render(draft, 'json')).body.toString('utf8');
    expect(JSON.parse(json).draft).toBe(true);
    expect(parseReportJson(json).draft).toBe(true);
    expect(JSON.parse((await render(sampleReportModel(), 'json')).body.toString('utf8'))).not.toHaveProperty('draft');
  });
});
