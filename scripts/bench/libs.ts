// The libraries' own benchmarks (extraction, reports), folded into the table.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, type Measure, type SectionResult } from './common';

export async function benchExtraction(): Promise<SectionResult> {
  const file = path.join(ROOT, 'libs/extraction/scripts/bench.ts');
  const mod = fs.existsSync(file) ? require(file) : null;
  if (typeof mod?.runExtractionBench !== 'function') {
    return { measures: [{ section: 'extraction', name: 'Extraction pipeline MB/s vs wink-nlp tokenisation', value: null, unit: 'MB/s', goal: '≥ 0.5× wink', met: null, note: 'skipped: runExtractionBench not exported yet' }] };
  }
  const rows: any[] = await mod.runExtractionBench();
  const measures: Measure[] = rows.map((r) => ({ section: 'extraction', name: String(r.name), value: r.value, unit: String(r.unit ?? ''), baseline: r.baseline ?? null, ratio: r.ratio ?? null, goal: String(r.goal ?? ''), met: r.met }));
  return { measures, details: 'From `runExtractionBench()` of libs/extraction/scripts/bench.ts (`npm run bench:extraction`); baseline = bare wink-nlp tokenisation of the same text in the same run.' };
}

export async function benchReports(): Promise<SectionResult> {
  const file = path.join(ROOT, 'libs/reports/scripts/bench.ts');
  const mod = fs.existsSync(file) ? require(file) : null;
  if (typeof mod?.runReportsBench !== 'function') {
    return { measures: [{ section: 'reports', name: 'Reports', value: null, unit: '', goal: '—', met: null, note: 'skipped: runReportsBench not exported' }] };
  }
  const rows: any[] = await mod.runReportsBench();
  return { measures: rows.map((r) => ({ section: 'reports', name: String(r.name), value: r.value, unit: String(r.unit ?? ''), goal: typeof r.goal === 'number' ? `< ${r.goal} ${r.unit}` : String(r.goal ?? ''), met: r.met })), details: 'From `runReportsBench()` of libs/reports/scripts/bench.ts (`npm run bench:reports`).' };
}
