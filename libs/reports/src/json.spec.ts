import { parseReportJson, renderJson, reportJsonSchema } from './json';
import { deepFreeze } from './testing/deep-freeze';
import { expectGolden } from './testing/golden';
import { CASTRO_CORRECTION, sampleRangeReportModel, sampleReportModel } from './testing/sample-report';

describe('renderJson', () => {
  const model = deepFreeze(sampleReportModel());
  const json = renderJson(model);

  it('matches the golden files', () => {
    expectGolden('sample.json', json);
    expectGolden('range.json', renderJson(sampleRangeReportModel()));
  });

  it('validates against reportJsonSchema', () => {
    const parsed = reportJsonSchema.safeParse(JSON.parse(json));
    expect(parsed.error).toBeUndefined();
    expect(reportJsonSchema.safeParse(JSON.parse(renderJson(sampleRangeReportModel()))).success).toBe(true);
  });

  it('is JSON.stringify with 2-space indentation and a trailing newline', () => {
    expect(json).toBe(JSON.stringify(JSON.parse(json), null, 2) + '\n');
  });

  it('keeps its key order whatever order the model was built in', () => {
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reversed(v)]),
            )
          : value;
    expect(renderJson(reversed(sampleReportModel()) as typeof model)).toBe(json);
    expect(Object.keys(JSON.parse(json))).toEqual([
      'format',
      'schemaVersion',
      'workspace',
      'scope',
      'version',
      'generatedAt',
      'ratingScale',
      'summary',
      'changesSinceLastVersion',
      'corrections',
      'accurate',
    ]);
  });

  it('carries the Fidel Castro correction and its sources', () => {
    const castro = JSON.parse(json).corrections[0];
    expect(castro.claimId).toBe('clm_castro_meeting');
    expect(castro.correction).toBe(CASTRO_CORRECTION);
    expect(castro.rating).toEqual({ key: 'false', label: 'False', ratingValue: 1, needsCorrection: true });
    expect(castro.sources.map((s: { stance: string }) => s.stance)).toEqual(['REFUTES', 'REFUTES']);
  });

  it('reads back into the model it came from', () => {
    expect(parseReportJson(json)).toEqual(sampleReportModel());
    expect(renderJson(parseReportJson(json))).toBe(json);
  });

  it('rejects documents that break the schema', () => {
    const doc = JSON.parse(json);
    expect(reportJsonSchema.safeParse({ ...doc, schemaVersion: 2 }).success).toBe(false);
    expect(reportJsonSchema.safeParse({ ...doc, surprise: true }).success).toBe(false);
    expect(reportJsonSchema.safeParse({ ...doc, corrections: doc.accurate }).success).toBe(false);
    const badDate = { ...doc, corrections: [{ ...doc.corrections[0], approvedAt: 'last Tuesday' }, doc.corrections[1]] };
    expect(reportJsonSchema.safeParse(badDate).success).toBe(false);
  });
});
