// The libraries' own benchmarks (extraction, reports), folded into the table.
import { runExtractionBench } from '../../libs/extraction/scripts/bench';
import { runReportsBench } from '../../libs/reports/scripts/bench';
import { type Measure, type SectionResult } from './common';

export async function benchExtraction(): Promise<SectionResult> {
  const rows = await runExtractionBench();
  const measures: Measure[] = rows.map((r) => ({
    section: 'extraction',
    name: r.name,
    value: r.value,
    unit: r.unit,
    baseline: r.baseline ?? null,
    ratio: r.ratio ?? null,
    goal: r.goal,
    met: r.met,
  }));
  return { measures, details: 'From `runExtractionBench()` of libs/extraction/scripts/bench.ts (`npm run bench:extraction`); baseline = bare wink-nlp tokenisation of the same text in the same run.' };
}

export async function benchReports(): Promise<SectionResult> {
  const rows = await runReportsBench();
  return {
    measures: rows.map((r) => ({
      section: 'reports',
      name: r.name,
      value: r.value,
      unit: r.unit,
      goal: `< ${r.goal} ${r.unit}`,
      met: r.met,
    })),
    details: 'From `runReportsBench()` of libs/reports/scripts/bench.ts (`npm run bench:reports`).',
  };
}
