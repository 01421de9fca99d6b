// Large, deterministic reports for the benchmark and the streaming tests.
import { headerOf } from '../format';
import { buildSummary, type ReportEntry, type ReportHeader, type ReportModel } from '../model';
import { DEFAULT_RATING_SCALE, sampleReportModel } from './sample-report';

const WORDS = 'the minister said exports rose sharply in May after talks in Tehran and Pyongyang, “unconfirmed” sources claim'.split(' ');

/** Entry i of a synthetic report: corrections for i < corrections, accurate after. */
function syntheticEntry(i: number, corrections: number): ReportEntry {
  const needsCorrection = i < corrections;
  const rating = needsCorrection ? DEFAULT_RATING_SCALE[2 + (i % 4)] : DEFAULT_RATING_SCALE[i % 3 === 2 ? 6 : i % 2];
  const words = Array.from({ length: 14 + (i % 9) }, (_, k) => WORDS[(i + k) % WORDS.length]).join(' ');
  return {
    claimId: `clm_${i.toString(36).padStart(6, '0')}`,
    paragraph: Math.floor(i / 4),
    start: i * 97,
    quote: `${words} (${i})`,
    hedges: i % 5 === 0 ? [{ type: 'hedge', text: 'allegedly' }] : [],
    attribution: i % 7 === 0 ? 'the trade ministry' : null,
    rating,
    correction: needsCorrection ? `The figure for item ${i} is ${i % 50} percent, not ${(i % 50) + 10}, per the release.` : null,
    rationale: `Checked against the ministry's release of ${1 + (i % 28)} May; see sources.${i % 11 === 0 ? '\nSecond paragraph, with "quotes", commas.' : ''}`,
    sources: [
      {
        title: `Release ${i}`,
        publisher: 'Trade Ministry',
        url: `https://gov.example.org/releases/${i}`,
        stance: needsCorrection ? 'REFUTES' : 'SUPPORTS',
        excerpt: i % 3 === 0 ? `Exports rose ${i % 50} percent.` : null,
      },
    ],
    approvedBy: i % 2 ? 'Ana Ionescu' : 'Tom Becker',
    approvedAt: new Date(Date.UTC(2024, 5, 1) + i * 60_000).toISOString(),
    verdictId: `vrd_${i}`,
  };
}

export function syntheticReportModel(entries: number, corrections = Math.floor(entries / 3)): ReportModel {
  const all = Array.from({ length: entries }, (_, i) => syntheticEntry(i, corrections));
  return {
    ...sampleReportModel(),
    version: 1,
    changesSinceLastVersion: null,
    summary: buildSummary(all, DEFAULT_RATING_SCALE),
    corrections: all.slice(0, corrections),
    accurate: all.slice(corrections),
  };
}

/** Header of a synthetic report, with its summary computed without building the entries. */
export function syntheticHeader(entries: number, corrections = Math.floor(entries / 3)): ReportHeader {
  const header = headerOf(syntheticReportModel(0));
  const counts = new Map(DEFAULT_RATING_SCALE.map((r) => [r.key, 0]));
  for (let i = 0; i < entries; i++) {
    const key = syntheticEntry(i, corrections).rating.key;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return {
    ...header,
    summary: {
      claimsChecked: entries,
      correctionsNeeded: corrections,
      byRating: DEFAULT_RATING_SCALE.map((r) => ({ key: r.key, label: r.label, count: counts.get(r.key) ?? 0 })),
    },
  };
}

/** Entries produced one at a time, as a database cursor would: nothing is kept. */
export async function* syntheticEntryStream(entries: number, corrections = Math.floor(entries / 3)): AsyncGenerator<ReportEntry> {
  for (let i = 0; i < entries; i++) {
    yield syntheticEntry(i, corrections);
    if (i % 1000 === 999) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
