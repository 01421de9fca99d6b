import { renderCsv, renderCsvStream } from './csv';
import { headerOf, reportOrder } from './format';
import { renderHtml, renderHtmlStream } from './html';
import { renderJson, renderJsonStream, reportJsonSchema } from './json';
import { renderMarkdown, renderMarkdownStream } from './markdown';
import type { ReportEntry, ReportHeader, ReportModel } from './model';
import { EntryOrderError } from './sections';
import { sampleRangeReportModel, sampleReportModel } from './testing/sample-report';
import { syntheticReportModel } from './testing/synthetic';

async function* cursor(entries: ReportEntry[]): AsyncGenerator<ReportEntry> {
  for (const entry of entries) {
    await Promise.resolve();
    yield entry;
  }
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

const FORMATS: Array<{
  name: string;
  whole: (model: ReportModel) => string;
  stream: (header: ReportHeader, entries: AsyncIterable<ReportEntry>) => AsyncIterable<string>;
}> = [
  { name: 'csv', whole: renderCsv, stream: renderCsvStream },
  { name: 'markdown', whole: renderMarkdown, stream: renderMarkdownStream },
  { name: 'json', whole: renderJson, stream: renderJsonStream },
  { name: 'html', whole: (model) => renderHtml(model), stream: renderHtmlStream },
];

const MODELS: Array<[string, () => ReportModel]> = [
  ['the sample article', sampleReportModel],
  ['a workspace-wide range', sampleRangeReportModel],
  ['an empty report', () => ({ ...sampleReportModel(), corrections: [], accurate: [] })],
  ['corrections only', () => ({ ...sampleReportModel(), accurate: [] })],
  ['accurate only', () => ({ ...sampleReportModel(), corrections: [] })],
  ['2,000 synthetic entries', () => syntheticReportModel(2000)],
];

describe.each(FORMATS)('$name stream', ({ whole, stream }) => {
  it.each(MODELS)('gives the same bytes as the whole-model renderer for %s', async (_name, build) => {
    const model = build();
    expect(await collect(stream(headerOf(model), cursor(reportOrder(model))))).toBe(whole(model));
  });

  it('reads entries as it writes, without buffering them', async () => {
    let pulled = 0;
    async function* counting() {
      for (const entry of reportOrder(syntheticReportModel(50))) {
        pulled++;
        yield entry;
      }
    }
    const iterator = stream(headerOf(syntheticReportModel(50)), counting())[Symbol.asyncIterator]();
    for (let i = 0; i < 4; i++) await iterator.next();
    expect(pulled).toBeLessThanOrEqual(4);
    await iterator.return?.(undefined);
  });
});

describe('stream order', () => {
  it.each(FORMATS.filter((f) => f.name !== 'csv'))('$name refuses a correction after an accurate entry', async ({ stream }) => {
    const model = sampleReportModel();
    const wrongOrder = [...model.accurate, ...model.corrections];
    await expect(collect(stream(headerOf(model), cursor(wrongOrder)))).rejects.toThrow(EntryOrderError);
  });

  it('streams JSON that validates against the schema', async () => {
    const model = syntheticReportModel(300);
    const text = await collect(renderJsonStream(headerOf(model), cursor(reportOrder(model))));
    expect(reportJsonSchema.safeParse(JSON.parse(text)).success).toBe(true);
  });
});
