// What the CLI prints: a table a fact-checker can read, and the stable JSON other tools parse.
import type { ExtractionResult } from './types';

const TEXT_WIDTH = 72;

function clip(s: string, width: number): string {
  return s.length <= width ? s : s.slice(0, width - 1) + '…';
}

function cell(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

/** A fixed-width table: one row per claim, check-worthy ones marked, cues and source summarised. */
export function formatClaimsTable(result: ExtractionResult): string {
  const header = ['#', '¶', 'kind', 'score', 'check', 'cues', 'claim'];
  const rows = result.claims.map((c, i) => {
    const cues = c.cues.map((q) => `${q.type}: ${q.text}`);
    if (c.attribution && !cues.some((q) => q.startsWith('attribution'))) cues.push(`source: ${c.attribution}`);
    return [String(i + 1), String(c.paragraph), c.kind, c.score.toFixed(2), c.checkWorthy ? 'yes' : '', clip(cues.join('; '), 40), clip(c.text, TEXT_WIDTH)];
  });
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
  const line = (cells: string[]): string =>
    cells
      .map((s, k) => cell(s, widths[k]))
      .join('  ')
      .trimEnd();
  const checkWorthy = result.claims.filter((c) => c.checkWorthy).length;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', `${result.claims.length} claims, ${checkWorthy} check-worthy`].join('\n');
}

/**
 * The CLI's JSON shape. Keys are listed one by one so their order never drifts. `claimant` is the claim's source, else
 * `author` (the article's author or publication) when the caller knows it.
 */
export function toExtractJson(result: ExtractionResult, author: string | null = null): object {
  return {
    text: result.text,
    claims: result.claims.map((c) => ({
      text: c.text,
      start: c.start,
      end: c.end,
      paragraph: c.paragraph,
      kind: c.kind,
      score: c.score,
      checkWorthy: c.checkWorthy,
      reasons: [...c.reasons],
      cues: c.cues.map((q) => ({ type: q.type, text: q.text, start: q.start, end: q.end })),
      attribution: c.attribution,
      numbers: c.numbers.map((n) => ({ text: n.text, value: n.value, unit: n.unit, start: n.start, end: n.end })),
      dates: c.dates.map((d) => ({ text: d.text, kind: d.kind, iso: d.iso, start: d.start, end: d.end })),
      entities: c.entities.map((e) => ({ text: e.text, type: e.type, start: e.start, end: e.end })),
      claimant: c.claimant ?? author,
    })),
  };
}
