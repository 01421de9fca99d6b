import { CONTENT_TYPES, MissingReportUrlError, REPORT_FORMATS, isReportFormat, render, reportFileName } from './render';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { sampleRangeReportModel, sampleReportModel } from './testing/sample-report';

jest.setTimeout(30_000);

describe('render', () => {
  const model = sampleReportModel();
  const reportUrl = 'https://daily.example.org/corrections/havana-pivot-east';

  it.each(REPORT_FORMATS.map((format) => [format]))('renders %s with its content type and extension', async (format) => {
    const result = await render(model, format, { reportUrl });
    expect(result.extension).toBe(format);
    expect(result.contentType).toBe(CONTENT_TYPES[format]);
    expect(result.body.length).toBeGreaterThan(500);
    expect(result.fileName).toBe(`corrections-standards-desk-havanas-pivot-east-what-cubas-new-friendships-cost-v2.${format}`);
    if (format !== 'pdf') expect(result.contentType).toMatch(/; charset=utf-8/);
    // Same input, same bytes.
    expect((await render(model, format, { reportUrl })).body.equals(result.body)).toBe(true);
  });

  it('passes the text renderers’ output through as UTF-8 bytes, BOM included', async () => {
    expect((await render(model, 'csv')).body.equals(Buffer.from(renderCsv(model), 'utf8'))).toBe(true);
    expect((await render(model, 'csv')).body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect((await render(model, 'html', { reportUrl })).body.toString('utf8')).toBe(renderHtml(model, { reportUrl }));
  });

  it('needs the report URL for ClaimReview JSON-LD', async () => {
    await expect(render(model, 'jsonld')).rejects.toThrow(MissingReportUrlError);
  });

  it('validates format names and names range downloads by their dates', () => {
    expect(isReportFormat('pdf')).toBe(true);
    expect(isReportFormat('docx')).toBe(false);
    expect(reportFileName(sampleRangeReportModel(), 'csv')).toBe('corrections-standards-desk-2024-07-01_2024-07-31-v1.csv');
  });
});
