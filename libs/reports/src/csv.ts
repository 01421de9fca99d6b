// RFC 4180 CSV, one row per approved verdict, made safe to open in a spreadsheet.
import { entryArticle, headerOf, reportOrder, sourceOneLine } from './format';
import type { ReportEntry, ReportHeader, ReportModel } from './model';
import type { EntrySource } from './sections';

export const CSV_COLUMNS = ['article', 'paragraph', 'quote', 'hedges', 'attribution', 'rating', 'correction', 'rationale', 'sources', 'approved_by', 'approved_at', 'claim_id'] as const;

/** Excel and LibreOffice read a UTF-8 file as UTF-8 only when it starts with this byte-order mark. */
export const CSV_BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * A cell a spreadsheet would evaluate as a formula (=, +, -, @, also after leading blanks, and their
 * full-width forms) gets a leading apostrophe (OWASP "CSV injection"); so does one starting with a tab or CR.
 */
export function neutraliseFormula(value: string): string {
  return /^[\s\u00A0]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 field: quoted when it holds a comma, a double quote, CR or LF; quotes doubled. */
export function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvRow(cells: string[]): string {
  return cells.map(csvField).join(',') + CRLF;
}

/** The cells of one entry, in CSV_COLUMNS order, before escaping. */
function csvCells(entry: ReportEntry, header: ReportHeader): string[] {
  return [
    entryArticle(entry, header)?.title ?? '',
    String(entry.paragraph + 1),
    entry.quote,
    entry.hedges.map((cue) => `${cue.text} [${cue.type}]`).join('; '),
    entry.attribution ?? '',
    entry.rating.label,
    entry.correction ?? '',
    entry.rationale,
    entry.sources.map(sourceOneLine).join(' | '),
    entry.approvedBy,
    entry.approvedAt,
    entry.claimId,
  ];
}

const HEAD = CSV_BOM + csvRow([...CSV_COLUMNS]);

export function renderCsv(model: ReportModel): string {
  const header = headerOf(model);
  const parts = [HEAD];
  for (const entry of reportOrder(model)) parts.push(csvRow(csvCells(entry, header)));
  return parts.join('');
}

/**
 * CSV for a report too large to hold: the BOM and header row, then one chunk per entry, in the order
 * given (corrections first, then accurate, as renderCsv writes them). Memory stays flat.
 */
export async function* renderCsvStream(header: ReportHeader, entries: EntrySource): AsyncGenerator<string> {
  yield HEAD;
  for await (const entry of entries) yield csvRow(csvCells(entry, header));
}
