// PDF corrections report with real, selectable text, byte-for-byte the same for the same model.
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import {
  EMPTY_SECTION,
  SECTION_INTRO,
  SECTION_TITLE,
  STANCE_LABEL,
  approvalLine,
  articleByline,
  DRAFT_BANNER,
  changesSummary,
  footerLine,
  hedgeSentence,
  entryChangeNote,
  headerOf,
  paragraphLabel,
  ratingCounts,
  reportOrder,
  reportTitle,
  safeHttpUrl,
  truncateWords,
  versionLine,
  captureLine,
} from './format';
import type { ReportArticle, ReportEntry, ReportModel } from './model';
import { type SectionKind, sectionedWriter, writeAll } from './sections';

export interface PdfRenderOptions {
  /**
   * TrueType/OpenType fonts to embed (subset) instead of the standard Helvetica, which only covers
   * Windows-1252: pass fonts covering the scripts of your articles (Cyrillic, Korean…). Without them,
   * characters Helvetica lacks are transliterated where possible (ő → o) and shown as "?" otherwise.
   */
  fonts?: { regular: Uint8Array; bold?: Uint8Array; italic?: Uint8Array; fallbacks?: FallbackFont[] };
  /**
   * Deflate the page streams. Off by default: zlib's output may change with the Node version, and a
   * published report must give the same bytes when it is rendered again.
   */
  compress?: boolean;
}

/**
 * A font for the characters the main fonts lack (Hangul, Arabic…), tried in order. Each run of text is drawn
 * in the first font that has its glyphs; italic text falls back to the regular face.
 */
interface FallbackFont {
  regular: Uint8Array;
  bold?: Uint8Array;
}

const INK = '#1b1b1b';
const MUTED = '#5c5c5c';
const WRONG = '#a4161a';
const RIGHT = '#2b6a3a';
const NOTE = '#7a5200';
const LINK = '#0b4f9c';

// Characters of Windows-1252 beyond Latin-1, which the standard PDF fonts can show.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const LOOKALIKES: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '—',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u2039': '‹',
  '\u203A': '›',
  '\u2026': '…',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u200A': ' ',
  '\u202F': ' ',
  '\u2060': '',
  '\u200B': '',
  '\u200C': '',
  '\u200D': '',
  '\uFE0F': '',
  '\u00AD': '',
  // Latin letters with a stroke, which Unicode does not decompose.
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
  Ɨ: 'I',
  ƚ: 'l',
};

function winAnsiChar(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || code === 0x0a || WIN_ANSI_EXTRA.has(ch);
}

/** Text the standard Helvetica can draw: Windows-1252, with accents dropped from other Latin letters and "?" for the rest. */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    if (winAnsiChar(ch)) out += ch;
    else if (ch in LOOKALIKES) out += LOOKALIKES[ch];
    else {
      const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base && [...base].every(winAnsiChar) ? base : '?';
    }
  }
  return out;
}

type Face = 'regular' | 'bold' | 'italic';

interface TextRun {
  text: string;
  /** 0 for the main fonts, i + 1 for fallback i. */
  font: number;
}

const parsed = new WeakMap<Uint8Array, fontkit.Font>();
function openFont(bytes: Uint8Array): fontkit.Font {
  let font = parsed.get(bytes);
  if (!font) {
    const opened = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (!('hasGlyphForCodePoint' in opened)) throw new TypeError('a report font must be a single TrueType or OpenType font, not a collection');
    font = opened;
    parsed.set(bytes, font);
  }
  return font;
}

/**
 * Splits text into runs, each drawn in the first font that has its characters. Spaces and punctuation stay in
 * the run they follow when its font has them, so "김정은, 위원장" is one run and not five.
 */
export function fontRuns(text: string, fonts: Array<{ hasGlyphForCodePoint(codePoint: number): boolean }>): TextRun[] {
  const runs: TextRun[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const last = runs[runs.length - 1];
    if (last && /[\s\p{P}\p{S}\p{N}]/u.test(ch) && fonts[last.font].hasGlyphForCodePoint(code)) {
      last.text += ch;
      continue;
    }
    const found = fonts.findIndex((f) => f.hasGlyphForCodePoint(code));
    const font = found === -1 || /\s/.test(ch) ? 0 : found;
    if (last && last.font === font) last.text += ch;
    else runs.push({ text: ch, font });
  }
  return runs;
}

export function renderPdf(model: ReportModel, opts: PdfRenderOptions = {}): Promise<Buffer> {
  const header = headerOf(model);
  const generated = new Date(model.generatedAt);
  const date = Number.isNaN(generated.getTime()) ? new Date(0) : generated;
  const title = reportTitle(header);

  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 60, right: 60 },
    bufferPages: true,
    compress: opts.compress ?? false,
    lang: 'en',
    displayTitle: true,
    // pdfkit derives the file ID from info, so a fixed info (dates included) gives a fixed ID.
    info: {
      Title: title,
      Author: model.workspace.organisation,
      Subject: 'Corrections report',
      Creator: 'ClaimDesk',
      Producer: 'ClaimDesk with PDFKit',
      CreationDate: date,
      ModDate: date,
    },
  });

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // faces[0] are the main fonts, faces[i + 1] fallback i; pdfkit embeds only the fonts a page uses, each subset to its glyphs.
  const faces: Array<Record<Face, string>> = [{ regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' }];
  let chain: fontkit.Font[] = [];
  if (opts.fonts) {
    const main = opts.fonts;
    // pdfkit takes a parsed fontkit font too: parsing each font once per process, not once per PDF, is ten times faster.
    const register = (name: string, bytes: Uint8Array) => doc.registerFont(name, openFont(bytes) as unknown as Buffer);
    register('body-regular', main.regular);
    register('body-bold', main.bold ?? main.regular);
    register('body-italic', main.italic ?? main.regular);
    faces[0] = { regular: 'body-regular', bold: 'body-bold', italic: 'body-italic' };
    const fallbacks = main.fallbacks ?? [];
    fallbacks.forEach((fallback, i) => {
      register(`fallback-${i}-regular`, fallback.regular);
      register(`fallback-${i}-bold`, fallback.bold ?? fallback.regular);
      faces.push({ regular: `fallback-${i}-regular`, bold: `fallback-${i}-bold`, italic: `fallback-${i}-regular` });
    });
    chain = [openFont(main.regular), ...fallbacks.map((f) => openFont(f.regular))];
  }
  const clean = opts.fonts ? (s: string) => s.replace(/\r\n?/g, '\n').replace(/\t/g, ' ') : toWinAnsi;
  const runsOf = (text: string): TextRun[] => (chain.length > 1 ? fontRuns(clean(text), chain) : [{ text: clean(text), font: 0 }]);

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  let continuing = false;
  const write = (text: string, o: { face?: Face; size?: number; color?: string; indent?: number; gap?: number; link?: string | null; continued?: boolean } = {}) => {
    const indent = o.indent ?? 0;
    const runs = runsOf(text);
    runs.forEach((run, i) => {
      doc
        .font(faces[run.font][o.face ?? 'regular'])
        .fontSize(o.size ?? 10.5)
        .fillColor(o.color ?? INK);
      const options: PDFKit.Mixins.TextOptions = {
        width: width - indent,
        paragraphGap: o.gap ?? 3,
        lineGap: 1.5,
        link: o.link ?? null,
        underline: Boolean(o.link),
        continued: i < runs.length - 1 || (o.continued ?? false),
      };
      // A continued line keeps its position; only a new paragraph is placed at the margin.
      if (continuing) doc.text(run.text, options);
      else doc.text(run.text, left + indent, undefined, options);
      continuing = options.continued === true;
    });
  };
  /** "Label: value" with a bold label. */
  const field = (label: string, value: string, o: { indent?: number; face?: Face; color?: string } = {}) => {
    write(`${label}: `, { face: 'bold', color: MUTED, indent: o.indent, continued: true });
    write(value, { face: o.face, color: o.color, indent: o.indent });
  };
  /** Keeps a heading on the same page as what follows it. */
  const keepWithNext = (height: number) => {
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };
  const space = (points: number) => {
    doc.y += points;
  };
  const sectionHeading = (text: string) => {
    keepWithNext(90);
    space(10);
    write(text, { face: 'bold', size: 15, gap: 2 });
    const y = doc.y;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(1)
      .strokeColor(INK)
      .stroke();
    space(8);
  };
  const unlinked = (url: string | null | undefined, indent: number) => {
    if (url && !safeHttpUrl(url)) write(`Address given, not linked: ${url}`, { size: 9, color: MUTED, indent });
  };

  const grouped = header.scope.kind === 'range';

  const drawHeader = () => {
    if (header.draft) write(DRAFT_BANNER, { face: 'bold', size: 10, color: WRONG, gap: 6 });
    write(title, { face: 'bold', size: 20, gap: 6 });
    write(model.workspace.name === model.workspace.organisation ? model.workspace.organisation : `${model.workspace.organisation}, ${model.workspace.name}`, {
      face: 'bold',
      size: 10,
      color: MUTED,
      gap: 1,
    });
    write(versionLine(header), { size: 10, color: MUTED });
    if (header.scope.kind === 'article') {
      const { article } = header.scope;
      const byline = articleByline(article);
      const href = safeHttpUrl(article.url);
      write('Article: ', { size: 10, color: MUTED, continued: true });
      write(article.title, { size: 10, color: href ? LINK : INK, link: href, continued: Boolean(byline) });
      if (byline) write(`, ${byline}`, { size: 10, color: MUTED });
      unlinked(article.url, 0);
    }
    sectionHeading(SECTION_TITLE.summary);
    field('Claims checked', String(model.summary.claimsChecked));
    field('Corrections needed', String(model.summary.correctionsNeeded));
    const counts = ratingCounts(header);
    if (counts.length > 0) field('By rating', counts.map((row) => `${row.label} ${row.count}`).join(', '));
    const changes = changesSummary(header);
    if (changes) {
      sectionHeading(SECTION_TITLE.changes);
      write(changes.intro, { color: NOTE });
      for (const group of changes.groups) field(group.title, group.entries.map((e) => e.label).join('; '));
    }
    return '';
  };

  const drawSources = (entry: ReportEntry) => {
    if (entry.sources.length === 0) {
      field('Sources', 'none listed');
      return;
    }
    write('Sources:', { face: 'bold', color: MUTED, gap: 1 });
    for (const source of entry.sources) {
      const href = safeHttpUrl(source.url);
      write(`${STANCE_LABEL[source.stance]}: `, { face: 'bold', size: 9.5, indent: 12, continued: true });
      write(source.title, { size: 9.5, color: href ? LINK : INK, link: href, continued: Boolean(source.publisher) });
      if (source.publisher) write(`, ${source.publisher}`, { size: 9.5 });
      if (href) write(href, { size: 8.5, color: MUTED, indent: 24, link: href, gap: 1 });
      unlinked(source.url, 24);
      if (source.capture) {
        const archived = safeHttpUrl(source.capture.archivedUrl);
        write(captureLine(source.capture), { size: 8, color: MUTED, indent: 24, gap: 1 });
        if (archived) write(`Archived text: ${archived}`, { size: 8, color: LINK, indent: 24, link: archived, gap: 1 });
      }
      if (source.excerpt) write(`“${source.excerpt}”`, { face: 'italic', size: 9, color: MUTED, indent: 24 });
    }
  };

  const drawEntry = (entry: ReportEntry, kind: SectionKind) => {
    keepWithNext(110);
    space(6);
    write(`${paragraphLabel(entry)}: ${entry.rating.label}`, {
      face: 'bold',
      size: grouped ? 11.5 : 12.5,
      color: kind === 'corrections' ? WRONG : RIGHT,
      gap: 3,
    });
    const note = entryChangeNote(entry, header);
    if (note) write(note, { face: 'bold', size: 9.5, color: NOTE });
    write(`“${entry.quote}”`, { face: 'italic', indent: 14, gap: 5 });
    if (entry.hedges.length > 0) field('Hedges', hedgeSentence(entry.hedges));
    if (entry.attribution) field('Attribution', entry.attribution);
    field('Verdict', entry.rating.label, { face: 'bold', color: kind === 'corrections' ? WRONG : RIGHT });
    if (entry.correction) field('Correction', entry.correction, { face: 'bold' });
    if (entry.rationale) field('Rationale', entry.rationale);
    drawSources(entry);
    write(approvalLine(entry), { size: 9, color: MUTED, gap: 6 });
    return '';
  };

  const writer = sectionedWriter(header, {
    header: drawHeader,
    openSection: (kind) => {
      sectionHeading(SECTION_TITLE[kind]);
      if (kind === 'accurate') write(SECTION_INTRO.accurate, { color: MUTED });
      return '';
    },
    closeSection: (kind, count) => {
      if (count === 0) write(EMPTY_SECTION[kind], { color: MUTED });
      return '';
    },
    openArticle: (article: ReportArticle | null) => {
      keepWithNext(120);
      space(6);
      const href = safeHttpUrl(article?.url);
      write(article ? `Article: ${article.title}` : 'Article not recorded', { face: 'bold', size: 13, link: href, gap: 2 });
      const byline = article ? articleByline(article) : '';
      if (byline) write(byline, { size: 9.5, color: MUTED });
      return '';
    },
    entry: (entry, kind) => drawEntry(entry, kind),
    footer: () => {
      space(12);
      write(footerLine(header), { size: 9, color: MUTED });
      return '';
    },
  });
  writeAll(writer, reportOrder(model));

  // Page numbers, drawn once the page count is known, inside the bottom margin.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    if (model.draft) drawDraftWatermark(doc, faces[0].bold);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const runs = runsOf(`${truncateWords(title, 70)} · ${model.draft ? 'DRAFT, not published' : `version ${model.version}`} · page ${i + 1} of ${range.count}`);
    runs.forEach((run, r) => {
      doc.font(faces[run.font].regular).fontSize(8.5).fillColor(MUTED);
      const options = { width, align: 'center' as const, lineBreak: false, continued: r < runs.length - 1 };
      if (r === 0) doc.text(run.text, left, doc.page.height - 40, options);
      else doc.text(run.text, options);
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/** "DRAFT" across the page, light enough to read the text beneath. */
function drawDraftWatermark(doc: PDFKit.PDFDocument, font: string): void {
  const { width, height } = doc.page;
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.save();
  doc.rotate(-45, { origin: [width / 2, height / 2] });
  doc
    .font(font)
    .fontSize(110)
    .fillColor(WRONG)
    .fillOpacity(0.12)
    .text('DRAFT', 0, height / 2 - 55, { width, align: 'center', lineBreak: false });
  doc.restore();
  doc.page.margins.bottom = bottom;
}
