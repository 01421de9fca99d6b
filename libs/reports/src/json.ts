// The JSON report: a documented, versioned schema (see README.md) with a stable key order.
import { z } from 'zod';
import { headerOf, reportOrder } from './format';
import type { ReportArticle, ReportEntry, ReportHeader, ReportModel, ReportScope } from './model';
import { type EntrySource, type ReportWriter, sectionedWriter, writeAll, writeStream } from './sections';

export const REPORT_JSON_FORMAT = 'claimdesk.corrections-report';

const isoDateTime = z.iso.datetime({ offset: true });
const isoDateOrDateTime = z.union([isoDateTime, z.iso.date()]);

const ratingSchema = z.strictObject({
  key: z.string().min(1),
  label: z.string().min(1),
  ratingValue: z.number().nullable(),
  needsCorrection: z.boolean(),
});

const articleSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string(),
  url: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: isoDateOrDateTime.nullable(),
});

const entrySchema = z.strictObject({
  claimId: z.string().min(1),
  verdictId: z.string().min(1),
  article: articleSchema.optional(),
  paragraph: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  quote: z.string(),
  hedges: z.array(z.strictObject({ type: z.string(), text: z.string() })),
  attribution: z.string().nullable(),
  rating: ratingSchema,
  correction: z.string().nullable(),
  rationale: z.string(),
  sources: z.array(
    z.strictObject({
      title: z.string(),
      publisher: z.string().nullable(),
      url: z.string().nullable(),
      stance: z.enum(['SUPPORTS', 'REFUTES', 'CONTEXT']),
      excerpt: z.string().nullable(),
      /** The capture the report cites (absent when the source was never captured). Optional: schema version 1 readers may ignore it. */
      capture: z.strictObject({ snapshotId: z.string(), capturedAt: isoDateTime, sha256: z.string().regex(/^[0-9a-f]{64}$/), archivedUrl: z.string().nullable() }).optional(),
    }),
  ),
  approvedBy: z.string(),
  approvedAt: isoDateTime,
});

/** Version 1 of the JSON corrections report. A change that breaks readers bumps schemaVersion. */
export const reportJsonSchema = z.strictObject({
  format: z.literal(REPORT_JSON_FORMAT),
  schemaVersion: z.literal(1),
  /** Present (true) only in a draft: what would be published now. */
  draft: z.literal(true).optional(),
  workspace: z.strictObject({
    name: z.string(),
    slug: z.string(),
    organisation: z.string(),
    url: z.string().nullable(),
  }),
  scope: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('article'), article: articleSchema }),
    z.strictObject({ kind: z.literal('range'), from: isoDateOrDateTime, to: isoDateOrDateTime }),
  ]),
  version: z.number().int().positive(),
  generatedAt: isoDateTime,
  ratingScale: z.array(ratingSchema),
  summary: z.strictObject({
    claimsChecked: z.number().int().nonnegative(),
    correctionsNeeded: z.number().int().nonnegative(),
    byRating: z.array(z.strictObject({ key: z.string(), label: z.string(), count: z.number().int().nonnegative() })),
  }),
  changesSinceLastVersion: z
    .strictObject({
      previousVersion: z.number().int().positive(),
      added: z.array(z.string()),
      changed: z.array(z.string()),
      removed: z.array(z.string()),
      places: z.array(z.strictObject({ claimId: z.string(), paragraph: z.number().int().nonnegative(), quote: z.string() })).optional(),
    })
    .nullable(),
  corrections: z.array(entrySchema.refine((e) => e.rating.needsCorrection, 'a correction entry needs a rating that needs correction')),
  accurate: z.array(entrySchema.refine((e) => !e.rating.needsCorrection, 'an accurate entry needs a rating that needs no correction')),
});

export type ReportJson = z.infer<typeof reportJsonSchema>;

// The functions below spell out every key so that the output's key order never depends on how the caller built the model.

function articleJson(article: ReportArticle) {
  return {
    id: article.id,
    title: article.title,
    url: article.url,
    author: article.author ?? null,
    publishedAt: article.publishedAt ?? null,
  };
}

function scopeJson(scope: ReportScope) {
  return scope.kind === 'article' ? { kind: scope.kind, article: articleJson(scope.article) } : { kind: scope.kind, from: scope.from, to: scope.to };
}

function ratingJson(rating: ReportEntry['rating']) {
  return { key: rating.key, label: rating.label, ratingValue: rating.ratingValue, needsCorrection: rating.needsCorrection };
}

function entryJson(entry: ReportEntry) {
  return {
    claimId: entry.claimId,
    verdictId: entry.verdictId,
    ...(entry.article ? { article: articleJson(entry.article) } : {}),
    paragraph: entry.paragraph,
    start: entry.start,
    quote: entry.quote,
    hedges: entry.hedges.map((cue) => ({ type: cue.type, text: cue.text })),
    attribution: entry.attribution,
    rating: ratingJson(entry.rating),
    correction: entry.correction,
    rationale: entry.rationale,
    sources: entry.sources.map((s) => ({
      title: s.title,
      publisher: s.publisher,
      url: s.url,
      stance: s.stance,
      excerpt: s.excerpt,
      ...(s.capture ? { capture: { snapshotId: s.capture.snapshotId, capturedAt: s.capture.capturedAt, sha256: s.capture.sha256, archivedUrl: s.capture.archivedUrl } } : {}),
    })),
    approvedBy: entry.approvedBy,
    approvedAt: entry.approvedAt,
  };
}

function headerJson(header: ReportHeader) {
  const changes = header.changesSinceLastVersion;
  return {
    format: REPORT_JSON_FORMAT,
    schemaVersion: header.schemaVersion,
    ...(header.draft ? { draft: true as const } : {}),
    workspace: {
      name: header.workspace.name,
      slug: header.workspace.slug,
      organisation: header.workspace.organisation,
      url: header.workspace.url,
    },
    scope: scopeJson(header.scope),
    version: header.version,
    generatedAt: header.generatedAt,
    ratingScale: header.ratingScale.map(ratingJson),
    summary: {
      claimsChecked: header.summary.claimsChecked,
      correctionsNeeded: header.summary.correctionsNeeded,
      byRating: header.summary.byRating.map((row) => ({ key: row.key, label: row.label, count: row.count })),
    },
    changesSinceLastVersion: changes
      ? {
          previousVersion: changes.previousVersion,
          added: [...changes.added],
          changed: [...changes.changed],
          removed: [...changes.removed],
          ...(changes.places ? { places: changes.places.map((p) => ({ claimId: p.claimId, paragraph: p.paragraph, quote: p.quote })) } : {}),
        }
      : null,
  };
}

/** Writes the same text as JSON.stringify(document, null, 2), one entry at a time. */
function jsonWriter(header: ReportHeader): ReportWriter {
  const entryIndent = '\n    ';
  return sectionedWriter(header, {
    header: () => {
      const head = JSON.stringify(headerJson(header), null, 2);
      return `${head.slice(0, -2)},\n`; // drop "\n}" to continue the object
    },
    openSection: (kind) => `  "${kind}": [`,
    closeSection: (kind, count) => `${count === 0 ? ']' : '\n  ]'}${kind === 'corrections' ? ',' : ''}\n`,
    entry: (entry, _kind, index) => `${index > 0 ? ',' : ''}${entryIndent}${JSON.stringify(entryJson(entry), null, 2).replace(/\n/g, entryIndent)}`,
    footer: () => '}\n',
  });
}

/** The report as JSON (schema: reportJsonSchema): stable key order, 2-space indentation, trailing newline. */
export function renderJson(model: ReportModel): string {
  return writeAll(jsonWriter(headerOf(model)), reportOrder(model));
}

/**
 * The same JSON document, streamed: entries arrive corrections first, then accurate ones. Same bytes as
 * renderJson for the same entries; memory stays flat.
 */
export function renderJsonStream(header: ReportHeader, entries: EntrySource): AsyncIterable<string> {
  return writeStream(jsonWriter(header), entries);
}

/** Reads a JSON report back into a model, e.g. a stored snapshot to render again in another format. */
export function parseReportJson(text: string): ReportModel {
  const { format: _format, ...model } = reportJsonSchema.parse(JSON.parse(text));
  return model;
}
