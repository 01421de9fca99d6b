// Response shapes of the HTTP API as zod schemas, with an example each: the OpenAPI document's component schemas
// come from here. The checks at the end keep each schema and its DTO type in dto.ts the same shape.
import { z } from 'zod';
import { CLAIM_STATUSES, DISMISS_REASONS } from './claim-workflow';
import type * as Dto from './dto';
import { LINK_CHECK_OUTCOMES, NOTIFICATION_TYPES, WEBHOOK_EVENTS, WEBHOOK_FORMATS } from './dto';
import { ratingSchema } from './ratings';
import { ROLES } from './roles';
import { CLAIM_KINDS, STANCES } from './schemas';
import { VERDICT_STATES } from './verdict-workflow';

interface ResponseMeta {
  id: string;
  description?: string;
  example: unknown;
}

/** The named response schemas, each with the example shown in the API document. */
export const responseSchemas = z.registry<ResponseMeta>();

const ID = {
  workspace: '0b5d1f1e-6c1a-4a51-9d1e-0d6f3c7e2a10',
  admin: '4f6c2a8e-1b3d-4e5f-8a9b-0c1d2e3f4a5b',
  checker: '7a1b2c3d-4e5f-4a6b-9c8d-1e2f3a4b5c6d',
  editor: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
  article: '2c9a4e7b-3f1d-4b6a-8e5c-7d2f1a9b3c4e',
  revision: '5e3b1c9d-7a2f-4d8e-9b6c-3a1f5e7d9b2c',
  claim: '8b2e6f4a-9c1d-4e7b-a3f5-2d8c6e4b1a9f',
  source: '3d7f9b1e-5c2a-4f8d-b6e4-9a1c3e5f7b2d',
  link: '6f1a3c5e-7b9d-4e2f-8a4c-6e8b1d3f5a7c',
  verdict: '1e4c7a9f-2b5d-4c8e-9f1a-4b7d2e5c8a1f',
  review: 'a7c9e1b3-5d7f-4a2c-8e6b-1f3d5a7c9e2b',
  comment: 'c3e5a7b9-1d3f-4c6e-8a2b-5d7f9b1e3a6c',
  token: 'f2a4c6e8-9b1d-4f3a-8c5e-7b9d1f3a5c8e',
  report: 'b6d8f1a3-c5e7-4b9d-9f2a-4c6e8a1b3d5f',
  claimant: 'd4f6a8c1-3e5b-4d7f-9a1c-8e2b4d6f8a3c',
  snapshot: 'e9b1d3f5-7a2c-4e6b-8d1f-3c5e7a9b2d4f',
  job: '1c3e5a7b-9d2f-4b6a-8c1e-5f7a9b3d2c4e',
  invitation: '5b7d9f2a-4c6e-4a8b-9d3f-1e5a7c9b4d6f',
  feed: '8f2a4c6e-1b3d-4f5a-9c7e-2d4f6a8b1c3e',
  libraryImport: '2a4c6e8f-1b3d-4a5c-9e7f-3b5d7f9a1c2e',
  libraryEntry: '6c8e1a3b-5d7f-4c9e-8b2d-4f6a8c1e3b5d',
};
const WHEN = '2026-11-30T09:30:00.000Z';

const iso = z.string().describe('ISO 8601 date-time');
const isoOrNull = iso.nullable();
const uuid = z.string().describe('UUID');

function named<T extends z.ZodType>(schema: T, id: string, example: z.output<T>, description?: string): T {
  responseSchemas.add(schema as z.ZodType, { id, example, ...(description ? { description } : {}) });
  return schema;
}

const userExample = { id: ID.checker, email: 'lena@newsroom.example', name: 'Lena Fischer' };
export const userDtoSchema = named(z.object({ id: uuid, email: z.string(), name: z.string() }), 'UserDto', userExample);

export const meDtoSchema = named(
  z.object({
    user: userDtoSchema,
    workspace: z.object({ id: uuid, slug: z.string(), name: z.string(), organisation: z.string() }),
    role: z.enum(ROLES),
    csrfToken: z.string().nullable(),
  }),
  'MeDto',
  {
    user: userExample,
    workspace: { id: ID.workspace, slug: 'standards-desk', name: 'Standards desk', organisation: 'The Daily Example' },
    role: 'FACT_CHECKER',
    csrfToken: 'kq3V9w1s0x5y2z8aB7cD4eF6',
  },
  'The signed-in member, their workspace and role; csrfToken goes in the X-CSRF-Token header of writes (null for API tokens)',
);

export const setupStateDtoSchema = named(z.object({ needsSetup: z.boolean() }), 'SetupStateDto', { needsSetup: false }, 'Whether the first-run setup page is still open');

export const memberDtoSchema = named(z.object({ userId: uuid, email: z.string(), name: z.string(), role: z.enum(ROLES), createdAt: iso }), 'MemberDto', {
  userId: ID.checker,
  email: 'lena@newsroom.example',
  name: 'Lena Fischer',
  role: 'FACT_CHECKER',
  createdAt: WHEN,
});

const statusCounts = z.partialRecord(z.enum(CLAIM_STATUSES), z.number().int());

const articleExample = {
  id: ID.article,
  title: 'Pyongyang and Moscow: an alliance of convenience',
  author: 'Jon Park',
  url: 'https://news.example/opinion/pyongyang-moscow',
  publishedAt: '2026-11-28T00:00:00.000Z',
  createdAt: WHEN,
  updatedAt: WHEN,
  revision: 1,
  claimCounts: { DETECTED: 18, FLAGGED: 3, VERIFIED: 1 },
  claimTotal: 22,
  checkWorthy: 9,
  checked: 1,
  orphaned: 0,
};
const articleFields = {
  id: uuid,
  title: z.string(),
  author: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: isoOrNull,
  createdAt: iso,
  updatedAt: iso,
  revision: z.number().int(),
  claimCounts: statusCounts,
  claimTotal: z.number().int(),
  checkWorthy: z.number().int(),
  checked: z.number().int(),
  orphaned: z.number().int(),
};
export const articleDtoSchema = named(z.object(articleFields), 'ArticleDto', articleExample);
export const articleDetailDtoSchema = named(z.object({ ...articleFields, revisionId: uuid, text: z.string(), format: z.string() }), 'ArticleDetailDto', {
  ...articleExample,
  revisionId: ID.revision,
  text: 'Putin met Kim Jong-Il in September 2023 at the Vostochny Cosmodrome.',
  format: 'text',
});

export const importResultDtoSchema = named(
  z.object({
    article: articleDtoSchema,
    revisionId: uuid,
    revision: z.number().int(),
    created: z.boolean(),
    claims: z.object({ detected: z.number().int(), reanchored: z.number().int(), orphaned: z.number().int(), added: z.number().int() }),
  }),
  'ImportResultDto',
  { article: articleExample, revisionId: ID.revision, revision: 1, created: true, claims: { detected: 22, reanchored: 0, orphaned: 0, added: 22 } },
);

const span = { text: z.string(), start: z.number().int(), end: z.number().int() };
const cueSchema = z.object({ type: z.enum(['hedge', 'attribution', 'approximation', 'speculation', 'question']), ...span });
const claimFields = {
  id: uuid,
  articleId: uuid,
  revisionId: uuid,
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  selector: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }),
  paragraph: z.number().int(),
  kind: z.enum(CLAIM_KINDS),
  score: z.number(),
  checkWorthy: z.boolean(),
  reasons: z.array(z.string()),
  cues: z.array(cueSchema),
  attribution: z.string().nullable(),
  claimant: z.string().nullable().describe('Who makes the claim: the attributed source, else the article author or publication'),
  claimantId: uuid.nullable(),
  unnamedSource: z.boolean().describe('The source is unnamed ("officials", "sources say")'),
  triage: z.literal([1, 2, 3, 4]).describe('Order for checking, 1 first'),
  numbers: z.array(z.object({ ...span, value: z.number().nullish(), unit: z.string().nullish() })),
  dates: z.array(z.object({ ...span, kind: z.string().optional(), iso: z.string().nullish() })),
  entities: z.array(z.object({ ...span, type: z.string().optional() })),
  hedged: z.boolean(),
  attributed: z.boolean(),
  orphaned: z.boolean(),
  status: z.enum(CLAIM_STATUSES),
  dismissReason: z.enum(DISMISS_REASONS).nullable(),
  assigneeId: uuid.nullable(),
  priority: z.number().int(),
  version: z.number().int(),
  rating: z.string().nullable(),
  checkedBefore: z.boolean(),
  updatedAt: iso,
  updatedBy: uuid.nullable(),
};
const claimExample = {
  id: ID.claim,
  articleId: ID.article,
  revisionId: ID.revision,
  text: 'Putin met Kim Jong-Il in September 2023 at the Vostochny Cosmodrome.',
  start: 0,
  end: 69,
  selector: { exact: 'Putin met Kim Jong-Il in September 2023 at the Vostochny Cosmodrome.', prefix: '', suffix: '' },
  paragraph: 0,
  kind: 'EVENT' as const,
  score: 0.91,
  checkWorthy: true,
  reasons: ['names a person', 'gives a date'],
  cues: [],
  attribution: null,
  claimant: 'The Daily Example',
  claimantId: ID.claimant,
  unnamedSource: false,
  triage: 2 as const,
  numbers: [],
  dates: [{ text: 'September 2023', start: 25, end: 39, kind: 'month', iso: '2023-09' }],
  entities: [{ text: 'Kim Jong-Il', start: 10, end: 21, type: 'person' }],
  hedged: false,
  attributed: false,
  orphaned: false,
  status: 'FLAGGED' as const,
  dismissReason: null,
  assigneeId: ID.checker,
  priority: 0,
  version: 2,
  rating: null,
  checkedBefore: false,
  updatedAt: WHEN,
  updatedBy: ID.checker,
};
export const claimDtoSchema = named(z.object(claimFields), 'ClaimDto', claimExample);

const snapshotFields = {
  id: uuid,
  sourceId: uuid,
  requestedUrl: z.string(),
  finalUrl: z.string(),
  httpStatus: z.number().int(),
  contentType: z.string(),
  sha256: z.string().describe('SHA-256 of the bytes as served, lower-case hex'),
  byteSize: z.number().int(),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  publishedAt: isoOrNull,
  capturedAt: iso,
  download: z.string().describe('API path of the captured bytes'),
};
const snapshotExample = {
  id: ID.snapshot,
  sourceId: ID.source,
  requestedUrl: 'https://www.reuters.com/world/asia-pacific/kim-putin-meet-vostochny-2023-09-13/',
  finalUrl: 'https://www.reuters.com/world/asia-pacific/kim-putin-meet-vostochny-2023-09-13/',
  httpStatus: 200,
  contentType: 'text/html; charset=utf-8',
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  byteSize: 48213,
  title: 'Kim Jong Un and Putin meet at Russian space port',
  byline: 'Reuters',
  publishedAt: '2023-09-13T00:00:00.000Z',
  capturedAt: WHEN,
  download: `/api/sources/${ID.source}/snapshots/${ID.snapshot}/download`,
};
export const snapshotDtoSchema = named(z.object(snapshotFields), 'SnapshotDto', snapshotExample, 'What a source page said when it was captured (without its bytes; download serves them)');
export const snapshotDetailDtoSchema = named(z.object({ ...snapshotFields, text: z.string().describe('The readable text excerpts quote into') }), 'SnapshotDetailDto', {
  ...snapshotExample,
  text: 'Kim Jong Un met Putin on Sept. 13 at the Vostochny Cosmodrome in Russia’s Far East.',
});

const linkCheckExample = { outcome: 'UNCHANGED' as const, httpStatus: 200, detail: null, checkedAt: WHEN };
export const linkCheckDtoSchema = named(
  z.object({ outcome: z.enum(LINK_CHECK_OUTCOMES), httpStatus: z.number().int().nullable(), detail: z.string().nullable(), checkedAt: iso }),
  'LinkCheckDto',
  linkCheckExample,
  'The latest check of a source’s live page against its capture',
);
export const linkCheckRunDtoSchema = named(z.object({ checked: z.number().int(), outcomes: z.record(z.enum(LINK_CHECK_OUTCOMES), z.number().int()) }), 'LinkCheckRunDto', {
  checked: 12,
  outcomes: { UNCHANGED: 9, CHANGED: 2, GONE: 1, FAILED: 0 },
});

const sourceExample = {
  id: ID.source,
  url: 'https://www.reuters.com/world/asia-pacific/kim-putin-meet-vostochny-2023-09-13/',
  title: 'Kim Jong Un and Putin meet at Russian space port',
  publisher: 'Reuters',
  publishedAt: '2023-09-13T00:00:00.000Z',
  accessedAt: WHEN,
  archiveUrl: null,
  kind: 'WEB',
  version: 1,
  capture: snapshotExample,
  linkCheck: linkCheckExample,
};
export const sourceDtoSchema = named(
  z.object({
    id: uuid,
    url: z.string().nullable(),
    title: z.string(),
    publisher: z.string().nullable(),
    publishedAt: isoOrNull,
    accessedAt: isoOrNull,
    archiveUrl: z.string().nullable(),
    kind: z.string(),
    version: z.number().int(),
    capture: snapshotDtoSchema.nullable().optional().describe('The latest capture of the page, when there is one'),
    linkCheck: linkCheckDtoSchema.nullable().optional().describe('The latest link check of the live page'),
  }),
  'SourceDto',
  sourceExample,
);

const claimSourceExample = {
  id: ID.link,
  stance: 'REFUTES' as const,
  excerpt: 'Kim Jong Un met Putin on Sept. 13.',
  note: null,
  quote: { snapshotId: ID.snapshot, exact: 'Kim Jong Un met Putin on Sept. 13', prefix: '', suffix: ' at the Vostochny', start: 0, end: 33 },
  source: sourceExample,
  createdAt: WHEN,
};
export const claimSourceDtoSchema = named(
  z.object({
    id: uuid,
    stance: z.enum(STANCES),
    excerpt: z.string().nullable(),
    note: z.string().nullable(),
    quote: z
      .object({ snapshotId: uuid, exact: z.string(), prefix: z.string(), suffix: z.string(), start: z.number().int(), end: z.number().int() })
      .nullable()
      .optional()
      .describe('Where the excerpt stands in a snapshot of the source (a W3C TextQuoteSelector with its offsets)'),
    captureJobId: z.string().nullable().optional().describe('The job capturing the page when it was cited (attach responses only)'),
    source: sourceDtoSchema,
    createdAt: iso,
  }),
  'ClaimSourceDto',
  claimSourceExample,
);

const editorExample = { id: ID.editor, email: 'ana@newsroom.example', name: 'Ana Ionescu' };
const reviewExample = { id: ID.review, decision: 'APPROVED' as const, comment: null, reviewer: editorExample, createdAt: WHEN };
export const reviewDtoSchema = named(
  z.object({ id: uuid, decision: z.enum(['APPROVED', 'CHANGES_REQUESTED']), comment: z.string().nullable(), reviewer: userDtoSchema, createdAt: iso }),
  'ReviewDto',
  reviewExample,
);

const verdictExample = {
  id: ID.verdict,
  claimId: ID.claim,
  ratingKey: 'false',
  rationale: 'Kim Jong-Il died in 2011; Putin met his son Kim Jong Un.',
  correction: 'Putin met Kim Jong Un in September 2023.',
  state: 'APPROVED' as const,
  author: userExample,
  version: 3,
  proposedAt: WHEN,
  decidedAt: WHEN,
  decidedBy: editorExample,
  createdAt: WHEN,
  reviews: [reviewExample],
  history: [
    { version: 1, ratingKey: 'false', rationale: 'Kim Jong-Il died in 2011.', correction: null, state: 'DRAFT' as const, actorId: ID.checker, createdAt: WHEN },
    {
      version: 3,
      ratingKey: 'false',
      rationale: 'Kim Jong-Il died in 2011; Putin met his son Kim Jong Un.',
      correction: 'Putin met Kim Jong Un in September 2023.',
      state: 'APPROVED' as const,
      actorId: ID.editor,
      createdAt: WHEN,
    },
  ],
};
export const verdictDtoSchema = named(
  z.object({
    id: uuid,
    claimId: uuid,
    ratingKey: z.string(),
    rationale: z.string(),
    correction: z.string().nullable(),
    state: z.enum(VERDICT_STATES),
    author: userDtoSchema,
    version: z.number().int(),
    proposedAt: isoOrNull,
    decidedAt: isoOrNull,
    decidedBy: userDtoSchema.nullable(),
    createdAt: iso,
    reviews: z.array(reviewDtoSchema),
    history: z.array(
      z.object({ version: z.number().int(), ratingKey: z.string(), rationale: z.string(), correction: z.string().nullable(), state: z.enum(VERDICT_STATES), actorId: uuid, createdAt: iso }),
    ),
  }),
  'VerdictDto',
  verdictExample,
);

const commentExample = { id: ID.comment, parentId: null, body: 'The Kremlin readout names Kim Jong Un.', author: userExample, createdAt: WHEN };
export const commentDtoSchema = named(
  z.object({ id: uuid, parentId: uuid.nullable().describe('The comment this one replies to; null for the first of a thread'), body: z.string(), author: userDtoSchema, createdAt: iso }),
  'CommentDto',
  commentExample,
);

export const auditEventDtoSchema = named(
  z.object({
    id: z.string().describe('Position in the log'),
    actor: userDtoSchema.nullable(),
    entity: z.string(),
    entityId: z.string(),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    createdAt: iso,
  }),
  'AuditEventDto',
  { id: '1041', actor: userExample, entity: 'claim', entityId: ID.claim, action: 'transition:flag', before: { status: 'DETECTED' }, after: { status: 'FLAGGED' }, createdAt: WHEN },
  'One change in the workspace: who did what to which record, with the record before and after',
);

export const claimDetailDtoSchema = named(
  z.object({
    ...claimFields,
    article: z.object({ id: uuid, title: z.string() }),
    context: z.object({ before: z.string(), after: z.string() }),
    sources: z.array(claimSourceDtoSchema),
    verdicts: z.array(verdictDtoSchema),
    comments: z.array(commentDtoSchema),
  }),
  'ClaimDetailDto',
  {
    ...claimExample,
    article: { id: ID.article, title: articleExample.title },
    context: { before: '', after: ' It was their first meeting since 2019.' },
    sources: [claimSourceExample],
    verdicts: [verdictExample],
    comments: [commentExample],
  },
);

export const auditEventPageSchema = named(
  z.object({ items: z.array(auditEventDtoSchema), nextCursor: z.string().nullable() }),
  'AuditEventPage',
  {
    items: [{ id: '1042', actor: userExample, entity: 'claim', entityId: ID.claim, action: 'transition:flag', before: { status: 'DETECTED' }, after: { status: 'FLAGGED' }, createdAt: WHEN }],
    nextCursor: '1042',
  },
  'A page of the audit log, newest first; pass nextCursor as cursor for the next one',
);

export const similarClaimDtoSchema = named(
  z.object({
    claim: z.object({ id: uuid, articleId: uuid, text: z.string(), status: z.enum(CLAIM_STATUSES), rating: z.string().nullable() }),
    articleTitle: z.string(),
    similarity: z.number(),
    verdict: z.object({ id: uuid, ratingKey: z.string(), state: z.enum(VERDICT_STATES), correction: z.string().nullable() }).nullable(),
  }),
  'SimilarClaimDto',
  {
    claim: { id: ID.claim, articleId: ID.article, text: claimExample.text, status: 'VERIFIED', rating: 'false' },
    articleTitle: articleExample.title,
    similarity: 0.82,
    verdict: { id: ID.verdict, ratingKey: 'false', state: 'APPROVED', correction: verdictExample.correction },
  },
);

export const claimPageSchema = named(
  z.object({ items: z.array(claimDtoSchema), nextCursor: z.string().nullable() }),
  'ClaimPage',
  { items: [claimExample], nextCursor: null },
  'A page of claims; pass nextCursor as cursor for the next one',
);

const READER_CLAIM_FIELDS = [
  'id',
  'text',
  'start',
  'end',
  'kind',
  'score',
  'checkWorthy',
  'reasons',
  'cues',
  'triage',
  'hedged',
  'attributed',
  'orphaned',
  'status',
  'dismissReason',
  'assigneeId',
  'priority',
  'version',
  'rating',
  'checkedBefore',
] as const;
const readerClaimExample = Object.fromEntries(READER_CLAIM_FIELDS.map((k) => [k, claimExample[k]])) as Pick<typeof claimExample, (typeof READER_CLAIM_FIELDS)[number]>;
export const readerClaimDtoSchema = named(
  z.object(Object.fromEntries(READER_CLAIM_FIELDS.map((k) => [k, claimFields[k]])) as Pick<typeof claimFields, (typeof READER_CLAIM_FIELDS)[number]>),
  'ReaderClaimDto',
  readerClaimExample,
  'A claim as the article reader highlights it; the full claim is GET /api/claims/:id',
);

export const readerClaimPageSchema = named(
  z.object({ items: z.array(readerClaimDtoSchema), nextCursor: z.string().nullable() }),
  'ReaderClaimPage',
  { items: [readerClaimExample], nextCursor: null },
  "A page of an article's claims in text order; pass nextCursor as cursor for the next one",
);

export const reviewQueueItemDtoSchema = named(
  z.object({ verdict: verdictDtoSchema, claim: claimDtoSchema, article: z.object({ id: uuid, title: z.string() }), paragraph: z.string(), sources: z.array(claimSourceDtoSchema) }),
  'ReviewQueueItemDto',
  {
    verdict: { ...verdictExample, state: 'PROPOSED', decidedAt: null, decidedBy: null, reviews: [] },
    claim: claimExample,
    article: { id: ID.article, title: articleExample.title },
    paragraph: claimExample.text,
    sources: [claimSourceExample],
  },
);

export const ratingScaleDtoSchema = named(z.object({ ratings: z.array(ratingSchema), version: z.number().int() }), 'RatingScaleDto', {
  ratings: [
    { key: 'true', label: 'True', ratingValue: 2, needsCorrection: false },
    { key: 'false', label: 'False', ratingValue: 1, needsCorrection: true },
  ],
  version: 1,
});

const tokenFields = { id: uuid, name: z.string(), prefix: z.string(), scopes: z.array(z.string()), createdAt: iso, lastUsedAt: isoOrNull, expiresAt: isoOrNull, revokedAt: isoOrNull };
const tokenExample = { id: ID.token, name: 'CMS import', prefix: 'cdk_3f9a', scopes: ['read', 'write'], createdAt: WHEN, lastUsedAt: null, expiresAt: null, revokedAt: null };
export const apiTokenDtoSchema = named(z.object(tokenFields), 'ApiTokenDto', tokenExample);
export const createdApiTokenDtoSchema = named(
  z.object({ ...tokenFields, token: z.string() }),
  'CreatedApiTokenDto',
  { ...tokenExample, token: 'cdk_3f9a.Zq8uV1n0c5Wb7xK2pL4mR6tY9' },
  'The new token; its secret is shown this once',
);

export const healthDtoSchema = named(
  z.object({
    status: z.enum(['ok', 'unavailable']),
    database: z.object({ reachable: z.boolean(), embedded: z.boolean() }),
    migrations: z.object({ applied: z.number().int(), pending: z.array(z.string()) }),
    version: z.string(),
  }),
  'HealthDto',
  { status: 'ok', database: { reachable: true, embedded: true }, migrations: { applied: 2, pending: [] }, version: '0.1.0' },
);

export const dashboardDtoSchema = named(
  z.object({
    byStatus: statusCounts,
    byRating: z.record(z.string(), z.number().int()),
    assignedToMe: z.array(claimDtoSchema),
    fromFeeds: z
      .object({ since: iso, claims: z.array(claimDtoSchema) })
      .optional()
      .describe('Check-worthy claims not yet triaged in articles imported from feeds since `since` (the last day)'),
  }),
  'DashboardDto',
  {
    byStatus: { DETECTED: 18, FLAGGED: 3, VERIFIED: 1 },
    byRating: { false: 1 },
    assignedToMe: [claimExample],
    fromFeeds: { since: '2026-11-29T09:30:00.000Z', claims: [{ ...claimExample, status: 'DETECTED', assigneeId: null }] },
  },
);

const reviewItemExample = {
  verdict: { ...verdictExample, state: 'PROPOSED' as const, decidedAt: null, decidedBy: null, reviews: [] },
  claim: claimExample,
  article: { id: ID.article, title: articleExample.title },
  paragraph: claimExample.text,
  sources: [claimSourceExample],
};
const sentBackExample = {
  verdict: { ...verdictExample, state: 'CHANGES_REQUESTED' as const, decidedBy: editorExample },
  claim: { ...claimExample, status: 'IN_RESEARCH' as const },
  article: { id: ID.article, title: articleExample.title },
  comment: 'Cite the Kremlin readout, not only Reuters.',
  reviewer: editorExample,
};
export const sentBackItemDtoSchema = named(
  z.object({ verdict: verdictDtoSchema, claim: claimDtoSchema, article: z.object({ id: uuid, title: z.string() }), comment: z.string().nullable(), reviewer: userDtoSchema.nullable() }),
  'SentBackItemDto',
  sentBackExample,
  'A verdict an editor sent back to its author, with the comment that says what to change',
);
export const myWorkDtoSchema = named(
  z.object({
    assigned: z.array(claimDtoSchema),
    sentBack: z.array(sentBackItemDtoSchema),
    reviews: z.array(reviewQueueItemDtoSchema).describe('Proposed verdicts the caller may review (never their own); empty for those who may not review'),
  }),
  'MyWorkDto',
  { assigned: [claimExample], sentBack: [sentBackExample], reviews: [reviewItemExample] },
  'The start page of a fact-checker or an editor: what is theirs to do next',
);

export const claimantDtoSchema = named(z.object({ id: uuid, name: z.string(), unnamed: z.boolean(), claims: z.number().int().describe('Claims of this claimant in live articles') }), 'ClaimantDto', {
  id: ID.claimant,
  name: 'Kremlin spokesman Dmitry Peskov',
  unnamed: false,
  claims: 4,
});
export const claimantClaimDtoSchema = named(
  z.object({
    id: uuid,
    articleId: uuid,
    articleTitle: z.string(),
    text: z.string(),
    status: z.enum(CLAIM_STATUSES),
    rating: z.string().nullable(),
    checkWorthy: z.boolean(),
    createdAt: iso,
  }),
  'ClaimantClaimDto',
  { id: ID.claim, articleId: ID.article, articleTitle: articleExample.title, text: claimExample.text, status: 'VERIFIED', rating: 'false', checkWorthy: true, createdAt: WHEN },
  'A claim of a claimant: where it was made and the verdict it got',
);

export const claimantDetailDtoSchema = named(
  z.object({ ...claimantDtoSchema.shape, items: z.array(claimantClaimDtoSchema) }),
  'ClaimantDetailDto',
  {
    id: ID.claimant,
    name: 'Kremlin spokesman Dmitry Peskov',
    unnamed: false,
    claims: 1,
    items: [{ id: ID.claim, articleId: ID.article, articleTitle: articleExample.title, text: claimExample.text, status: 'VERIFIED', rating: 'false', checkWorthy: true, createdAt: WHEN }],
  },
  'A claimant and its claims across the workspace, with their verdict ratings',
);

export const invitationDtoSchema = named(
  z.object({ id: uuid, email: z.string(), role: z.enum(ROLES), invitedBy: z.string().nullable(), createdAt: iso, expiresAt: iso }),
  'InvitationDto',
  { id: ID.invitation, email: 'sam@newsroom.example', role: 'FACT_CHECKER', invitedBy: 'Ana Ionescu', createdAt: WHEN, expiresAt: '2026-12-07T09:30:00.000Z' },
  'A pending invitation as admins see it',
);
export const createdInvitationDtoSchema = named(
  z.object({ ...invitationDtoSchema.shape, token: z.string().describe('The link secret, shown this once') }),
  'CreatedInvitationDto',
  { id: ID.invitation, email: 'sam@newsroom.example', role: 'FACT_CHECKER', invitedBy: 'Ana Ionescu', createdAt: WHEN, expiresAt: '2026-12-07T09:30:00.000Z', token: 'inv_Zq8uV1n0c5Wb7xK2pL4mR6tY9' },
  'The new invitation; its link secret is shown this once',
);
export const invitationPreviewDtoSchema = named(
  z.object({ email: z.string(), role: z.enum(ROLES), workspace: z.object({ name: z.string(), organisation: z.string() }), expiresAt: iso }),
  'InvitationPreviewDto',
  { email: 'sam@newsroom.example', role: 'FACT_CHECKER', workspace: { name: 'Standards desk', organisation: 'The Daily Example' }, expiresAt: '2026-12-07T09:30:00.000Z' },
  'What the holder of an invitation link sees before accepting',
);

export const jobDtoSchema = named(
  z.object({
    id: z.string(),
    name: z.string(),
    state: z.enum(['created', 'retry', 'active', 'completed', 'cancelled', 'failed']),
    progress: z.object({ percent: z.number(), message: z.string().nullable() }).nullable(),
    result: z.unknown().describe('The result once completed (an import: articleId, revisionId, revision, created, claims)'),
    error: z.object({ message: z.string(), code: z.string().optional() }).nullable(),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    createdAt: iso,
    startedAt: isoOrNull,
    completedAt: isoOrNull,
  }),
  'JobDto',
  {
    id: ID.job,
    name: 'import-url',
    state: 'completed',
    progress: { percent: 100, message: 'Imported' },
    result: { articleId: ID.article, revisionId: ID.revision, revision: 1, created: true, claims: { detected: 22, reanchored: 0, orphaned: 0, added: 22 } },
    error: null,
    attempts: 1,
    maxAttempts: 3,
    createdAt: WHEN,
    startedAt: WHEN,
    completedAt: WHEN,
  },
  'A background job of the workspace: where it is, how far it got, and its result or error once it ends',
);
const libraryImportFields = {
  id: uuid,
  fileName: z.string(),
  format: z.string(),
  status: z.enum(['RUNNING', 'COMPLETED', 'FAILED']),
  imported: z.number().int(),
  skipped: z.number().int(),
  error: z.string().nullable(),
  jobId: uuid.nullable(),
  createdAt: iso,
  finishedAt: isoOrNull,
};
const libraryImportExample = {
  id: ID.libraryImport,
  fileName: 'fact-checks.json',
  format: 'claimreview',
  status: 'COMPLETED' as const,
  imported: 2,
  skipped: 1,
  error: null,
  jobId: ID.job,
  createdAt: WHEN,
  finishedAt: WHEN,
};
export const libraryImportDtoSchema = named(z.object(libraryImportFields), 'LibraryImportDto', libraryImportExample, 'A library file imported into the workspace');
export const libraryImportDetailDtoSchema = named(
  z.object({ ...libraryImportFields, report: z.array(z.object({ line: z.number().int(), reason: z.string(), skipped: z.boolean() })) }),
  'LibraryImportDetailDto',
  { ...libraryImportExample, report: [{ line: 3, reason: 'duplicate of line 1 (same URL)', skipped: true }] },
  'A library import with its per-line report',
);
export const libraryImportAcceptedDtoSchema = named(
  z.object({ jobId: uuid, importId: uuid }),
  'LibraryImportAcceptedDto',
  { jobId: ID.job, importId: ID.libraryImport },
  'The import runs as a background job: follow it with GET /api/jobs/{id}, then read GET /api/library/imports/{importId}',
);
const libraryEntrySchema = z.object({
  id: uuid,
  origin: z.enum(['import', 'verdict']),
  importId: uuid.nullable(),
  fileName: z.string().nullable(),
  verdictId: uuid.nullable(),
  claimId: uuid.nullable(),
  claim: z.string(),
  title: z.string().nullable(),
  rating: z.string().nullable(),
  ratingKey: z.string().nullable(),
  publisher: z.string().nullable(),
  url: z.string().nullable(),
  date: z.string().nullable(),
  language: z.string().nullable(),
  claimant: z.string().nullable(),
  createdAt: iso,
});
const libraryEntryExample = {
  id: ID.libraryEntry,
  origin: 'import' as const,
  importId: ID.libraryImport,
  fileName: 'fact-checks.json',
  verdictId: null,
  claimId: null,
  claim: 'Putin met Kim Jong-Il in 2023.',
  title: 'No, Putin did not meet Kim Jong-Il in 2023',
  rating: 'False',
  ratingKey: 'false',
  publisher: 'Example Checks',
  url: 'https://checks.example/putin-kim',
  date: '2023-09-20',
  language: 'en',
  claimant: 'Social media posts',
  createdAt: WHEN,
};
export const libraryEntryPageDtoSchema = named(
  z.object({
    items: z.array(
      z.object({
        entry: libraryEntrySchema,
        matchedClaims: z.array(z.object({ claimId: uuid, articleId: uuid, text: z.string(), score: z.number(), strong: z.boolean() })),
      }),
    ),
    total: z.number().int(),
    offset: z.number().int(),
  }),
  'LibraryEntryPageDto',
  { items: [{ entry: libraryEntryExample, matchedClaims: [{ claimId: ID.claim, articleId: ID.article, text: claimExample.text, score: 0.99, strong: true }] }], total: 1, offset: 0 },
  'A page of library entries, newest first, each with the claims it matched',
);
export const claimMatchesDtoSchema = named(
  z.object({
    matches: z.array(
      z.object({
        entry: libraryEntrySchema,
        rank: z.number().int(),
        score: z.number(),
        strong: z.boolean(),
        possible: z.boolean().describe('strong, or scored where the top match is right at least half the time; the rest are weak matches'),
        reasons: z.object({
          names: z.array(z.string()),
          numbers: z.array(z.string()),
          dates: z.array(z.string()),
          conflicts: z.array(z.object({ kind: z.enum(['number', 'date']), entry: z.string(), claim: z.string(), message: z.string() })),
        }),
      }),
    ),
    libraryVersion: z.number().int(),
    stale: z.boolean(),
  }),
  'ClaimMatchesDto',
  {
    matches: [
      {
        entry: libraryEntryExample,
        rank: 1,
        score: 0.99,
        strong: true,
        possible: true,
        reasons: {
          names: ['putin', 'kim jong-il'],
          numbers: [],
          dates: [],
          conflicts: [{ kind: 'date', entry: '2019', claim: '2023', message: 'checked claim says 2019, this claim says 2023' }],
        },
      },
    ],
    libraryVersion: 12,
    stale: false,
  },
  'Library entries that may check this claim, best first (unverified look-alikes of the workspace are a separate call, `GET /api/claims/:id/look-alikes`). `stale`: the library changed and its new index is still being built, so the matches may lag by one version for a few seconds',
);

export const claimLookAlikesDtoSchema = named(
  z.object({ similar: z.array(similarClaimDtoSchema) }),
  'ClaimLookAlikesDto',
  {
    similar: [
      {
        claim: { id: ID.claim, articleId: ID.article, text: claimExample.text, status: 'IN_RESEARCH', rating: null },
        articleTitle: articleExample.title,
        similarity: 0.82,
        verdict: null,
      },
    ],
  },
  'Unverified claims of the workspace that read alike, best first: candidates from the full-text index (claims sharing two of the rarest words), ranked like library matches',
);

export const sameClaimResultDtoSchema = named(
  z.object({ source: claimSourceDtoSchema, ratingKey: z.string().nullable() }),
  'SameClaimResultDto',
  { source: claimSourceExample, ratingKey: 'false' },
  'The library entry, now a source of the claim; ratingKey is offered for a draft verdict (nothing is approved)',
);

export const jobAcceptedDtoSchema = named(
  z.object({ jobId: z.string() }),
  'JobAcceptedDto',
  { jobId: ID.job },
  'Accepted to run as a background job: follow it with GET /api/jobs/{id} or the live event stream',
);

export const feedDtoSchema = named(
  z.object({
    id: uuid,
    url: z.string(),
    title: z.string().nullable(),
    intervalMinutes: z.number().int(),
    paused: z.boolean(),
    lastPolledAt: isoOrNull,
    lastSuccessAt: isoOrNull,
    lastError: z.string().nullable(),
    itemsImported: z.number().int(),
    createdAt: iso,
    version: z.number().int(),
  }),
  'FeedDto',
  {
    id: ID.feed,
    url: 'https://news.example/opinion/rss.xml',
    title: 'The Daily Example — Opinion',
    intervalMinutes: 30,
    paused: false,
    lastPolledAt: WHEN,
    lastSuccessAt: WHEN,
    lastError: null,
    itemsImported: 14,
    createdAt: WHEN,
    version: 1,
  },
);
export const feedPollDtoSchema = named(
  z.object({
    feedId: uuid,
    outcome: z.enum(['polled', 'not-modified', 'failed', 'busy']).describe('not-modified: the server answered 304; busy: another process was polling it'),
    imported: z.number().int(),
    revised: z.number().int(),
    skipped: z.number().int(),
    error: z.string().nullable(),
    checkWorthy: z.object({ claims: z.number().int(), articleIds: z.array(uuid) }).describe('new check-worthy claims the poll brought in, and their articles'),
  }),
  'FeedPollDto',
  { feedId: ID.feed, outcome: 'polled', imported: 3, revised: 1, skipped: 10, error: null, checkWorthy: { claims: 4, articleIds: [ID.article] } },
);

export const bulkResultDtoSchema = named(
  z.object({ updated: z.array(uuid), skipped: z.array(z.object({ id: z.string(), reason: z.string() })) }),
  'BulkResultDto',
  { updated: [ID.claim], skipped: [{ id: ID.link, reason: 'not found' }] },
  'Claims moved, and those that could not move with the reason',
);

const REPORT_DOWNLOADS = ['md', 'html', 'pdf', 'csv', 'json', 'jsonld'] as const;
export const reportVersionDtoSchema = named(
  z.object({
    id: uuid,
    version: z.number().int(),
    publishedAt: iso,
    publishedBy: z.string(),
    summary: z.object({ claimsChecked: z.number().int(), correctionsNeeded: z.number().int(), byRating: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int() })) }),
    changesSinceLastVersion: z
      .object({
        previousVersion: z.number().int(),
        added: z.array(z.string()),
        changed: z.array(z.string()),
        removed: z.array(z.string()),
        places: z.array(z.object({ claimId: uuid, paragraph: z.number().int(), quote: z.string() })).optional(),
      })
      .nullable(),
    downloads: z.record(z.enum(REPORT_DOWNLOADS), z.string()),
    publicUrl: z.string().nullable().describe('The public page of this version (no sign-in), or null: published before public pages, or withdrawn'),
    withdrawnAt: iso.nullable(),
  }),
  'ReportVersionDto',
  {
    id: ID.report,
    version: 1,
    publishedAt: WHEN,
    publishedBy: 'Ana Ionescu',
    summary: { claimsChecked: 1, correctionsNeeded: 1, byRating: [{ key: 'false', label: 'False', count: 1 }] },
    changesSinceLastVersion: null,
    downloads: Object.fromEntries(REPORT_DOWNLOADS.map((f) => [f, `/api/reports/${ID.report}/${f}`])) as Record<(typeof REPORT_DOWNLOADS)[number], string>,
    publicUrl: 'https://desk.example.org/public/reports/q3Jv9XbT0cW2nL5sYhR8kA',
    withdrawnAt: null,
  },
);

export const claimReviewFeedSchema = named(
  z.object({
    '@context': z.literal('https://schema.org'),
    '@type': z.literal('DataFeed'),
    name: z.string(),
    dateModified: iso,
    dataFeedElement: z.array(
      z.object({
        '@type': z.literal('DataFeedItem'),
        dateCreated: iso,
        url: z.string(),
        item: z.array(z.record(z.string(), z.unknown()).describe('A schema.org ClaimReview, as in the public page')),
      }),
    ),
  }),
  'ClaimReviewFeed',
  {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    name: 'Fact checks by The Daily Ledger',
    dateModified: WHEN,
    dataFeedElement: [
      {
        '@type': 'DataFeedItem',
        dateCreated: WHEN,
        url: 'https://desk.example.org/public/reports/q3Jv9XbT0cW2nL5sYhR8kA',
        item: [{ '@type': 'ClaimReview', url: `https://desk.example.org/public/reports/q3Jv9XbT0cW2nL5sYhR8kA#claim-${ID.claim}`, claimReviewed: 'A meeting with Fidel Castro in November 2022' }],
      },
    ],
  },
);

export const publicFeedDtoSchema = named(z.object({ url: z.string() }), 'PublicFeedDto', { url: 'https://desk.example.org/public/workspaces/Zt4pQ8mW1xN6vB3cK9rY2e/claimreviews.json' });

export const reportPreviewDtoSchema = named(
  z.object({ html: z.string(), model: z.looseObject({ schemaVersion: z.number().int(), version: z.number().int() }).describe('The report model, as in the JSON download') }),
  'ReportPreviewDto',
  { html: '<!doctype html><html lang="en">…</html>', model: { schemaVersion: 1, version: 1 } },
);

// --- NEWSROOM ---

export const notificationDtoSchema = named(
  z.object({
    id: uuid,
    type: z.enum(NOTIFICATION_TYPES),
    actor: userDtoSchema.nullable(),
    claimId: uuid.nullable(),
    verdictId: uuid.nullable(),
    articleId: uuid.nullable(),
    feedId: uuid.nullable(),
    commentId: uuid.nullable(),
    title: z.string(),
    body: z.string().nullable(),
    createdAt: iso,
    readAt: isoOrNull,
  }),
  'NotificationDto',
  {
    id: ID.job,
    type: 'verdict_approved',
    actor: { id: ID.editor, email: 'ana@newsroom.example', name: 'Ana Ionescu' },
    claimId: ID.claim,
    verdictId: ID.verdict,
    articleId: ID.article,
    feedId: null,
    commentId: null,
    title: 'Ana Ionescu approved your verdict',
    body: 'Unemployment fell to 3.1% last year.',
    createdAt: WHEN,
    readAt: null,
  },
  "Something the caller should know about (only the caller's own)",
);
export const notificationPageSchema = named(
  z.object({ items: z.array(notificationDtoSchema), nextCursor: z.string().nullable() }),
  'NotificationPage',
  { items: [], nextCursor: null },
  'Notifications, newest first; pass nextCursor as cursor for the next page',
);
export const unreadCountDtoSchema = named(z.object({ unread: z.number().int() }), 'UnreadCountDto', { unread: 3 });
export const feedWatchDtoSchema = named(z.object({ feedId: uuid, watching: z.boolean() }), 'FeedWatchDto', { feedId: ID.feed, watching: true });

export const webhookEndpointDtoSchema = named(
  z.object({ id: uuid, url: z.string(), events: z.array(z.enum(WEBHOOK_EVENTS)), active: z.boolean(), format: z.enum(WEBHOOK_FORMATS), createdAt: iso }),
  'WebhookEndpointDto',
  { id: ID.token, url: 'https://hooks.newsroom.example/claimdesk', events: ['verdict.approved', 'report.published'], active: true, format: 'json', createdAt: WHEN },
);
export const createdWebhookEndpointDtoSchema = named(
  webhookEndpointDtoSchema.extend({ secret: z.string().describe('The signing secret; shown only now') }),
  'CreatedWebhookEndpointDto',
  {
    id: ID.token,
    url: 'https://hooks.newsroom.example/claimdesk',
    events: ['verdict.approved', 'report.published'],
    active: true,
    format: 'json',
    createdAt: WHEN,
    secret: 'whsec_4f1c2a9e7b3d5f8a1c6e2b9d4f7a3c5e',
  },
  'The new endpoint with its signing secret, shown this once',
);
const webhookAttemptDtoSchema = z.object({ statusCode: z.number().int().nullable(), responseMs: z.number().int(), error: z.string().nullable(), at: iso });
export const webhookDeliveryDtoSchema = named(
  z.object({
    id: uuid,
    endpointId: uuid,
    event: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    createdAt: iso,
    deliveredAt: isoOrNull,
    attempts: z.array(webhookAttemptDtoSchema),
  }),
  'WebhookDeliveryDto',
  {
    id: ID.job,
    endpointId: ID.token,
    event: 'verdict.approved',
    status: 'delivered',
    createdAt: WHEN,
    deliveredAt: WHEN,
    attempts: [
      { statusCode: 500, responseMs: 41, error: 'HTTP 500', at: WHEN },
      { statusCode: 200, responseMs: 23, error: null, at: WHEN },
    ],
  },
  'One event sent (or being sent) to an endpoint, with every attempt',
);

/** Every named response schema with its example, to check that each example is a valid instance. */
export function responseExamples(): Array<{ id: string; schema: z.ZodType; example: unknown }> {
  const out: Array<{ id: string; schema: z.ZodType; example: unknown }> = [];
  for (const schema of Object.values(NAMED)) {
    const meta = responseSchemas.get(schema);
    if (meta) out.push({ id: meta.id, schema, example: meta.example });
  }
  return out;
}

const NAMED = {
  userDtoSchema,
  meDtoSchema,
  setupStateDtoSchema,
  memberDtoSchema,
  articleDtoSchema,
  articleDetailDtoSchema,
  importResultDtoSchema,
  claimDtoSchema,
  sourceDtoSchema,
  claimSourceDtoSchema,
  reviewDtoSchema,
  verdictDtoSchema,
  commentDtoSchema,
  auditEventDtoSchema,
  auditEventPageSchema,
  claimDetailDtoSchema,
  similarClaimDtoSchema,
  claimPageSchema,
  readerClaimDtoSchema,
  readerClaimPageSchema,
  reviewQueueItemDtoSchema,
  ratingScaleDtoSchema,
  apiTokenDtoSchema,
  createdApiTokenDtoSchema,
  healthDtoSchema,
  dashboardDtoSchema,
  bulkResultDtoSchema,
  reportVersionDtoSchema,
  reportPreviewDtoSchema,
  publicFeedDtoSchema,
  claimReviewFeedSchema,
  snapshotDtoSchema,
  snapshotDetailDtoSchema,
  linkCheckDtoSchema,
  linkCheckRunDtoSchema,
  sentBackItemDtoSchema,
  myWorkDtoSchema,
  claimantDtoSchema,
  claimantClaimDtoSchema,
  invitationDtoSchema,
  invitationPreviewDtoSchema,
  createdInvitationDtoSchema,
  claimantDetailDtoSchema,
  jobDtoSchema,
  jobAcceptedDtoSchema,
  feedDtoSchema,
  feedPollDtoSchema,
  notificationDtoSchema,
  notificationPageSchema,
  unreadCountDtoSchema,
  feedWatchDtoSchema,
  webhookEndpointDtoSchema,
  createdWebhookEndpointDtoSchema,
  webhookDeliveryDtoSchema,
  libraryImportDtoSchema,
  libraryImportDetailDtoSchema,
  libraryImportAcceptedDtoSchema,
  libraryEntryPageDtoSchema,
  claimMatchesDtoSchema,
  claimLookAlikesDtoSchema,
  sameClaimResultDtoSchema,
};

// Each schema describes exactly its DTO: a field added to one and not the other fails the type check here.
type Assignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Mutual assignability lets an optional field on one side slip through; the same top-level keys close that gap.
type Same<A, B> = Assignable<A, B> extends true ? Assignable<keyof A, keyof B> : false;
type Shape<S extends z.ZodType> = z.output<S>;
type ResponseSchemasMatchDtos = [
  Same<Shape<typeof userDtoSchema>, Dto.UserDto>,
  Same<Shape<typeof meDtoSchema>, Dto.MeDto>,
  Same<Shape<typeof memberDtoSchema>, Dto.MemberDto>,
  Same<Shape<typeof articleDtoSchema>, Dto.ArticleDto>,
  Same<Shape<typeof articleDetailDtoSchema>, Dto.ArticleDetailDto>,
  Same<Shape<typeof importResultDtoSchema>, Dto.ImportResultDto>,
  Same<Shape<typeof claimDtoSchema>, Dto.ClaimDto>,
  Same<Shape<typeof sourceDtoSchema>, Dto.SourceDto>,
  Same<Shape<typeof claimSourceDtoSchema>, Dto.ClaimSourceDto>,
  Same<Shape<typeof reviewDtoSchema>, Dto.ReviewDto>,
  Same<Shape<typeof verdictDtoSchema>, Dto.VerdictDto>,
  Same<Shape<typeof commentDtoSchema>, Dto.CommentDto>,
  Same<Shape<typeof auditEventDtoSchema>, Dto.AuditEventDto>,
  Same<Shape<typeof auditEventPageSchema>, Dto.Page<Dto.AuditEventDto>>,
  Same<Shape<typeof claimDetailDtoSchema>, Dto.ClaimDetailDto>,
  Same<Shape<typeof similarClaimDtoSchema>, Dto.SimilarClaimDto>,
  Same<Shape<typeof claimPageSchema>, Dto.Page<Dto.ClaimDto>>,
  Same<Shape<typeof readerClaimDtoSchema>, Dto.ReaderClaimDto>,
  Same<Shape<typeof readerClaimPageSchema>, Dto.Page<Dto.ReaderClaimDto>>,
  Same<Shape<typeof reviewQueueItemDtoSchema>, Dto.ReviewQueueItemDto>,
  Same<Shape<typeof ratingScaleDtoSchema>, Dto.RatingScaleDto>,
  Same<Shape<typeof apiTokenDtoSchema>, Dto.ApiTokenDto>,
  Same<Shape<typeof createdApiTokenDtoSchema>, Dto.ApiTokenDto & { token: string }>,
  Same<Shape<typeof healthDtoSchema>, Dto.HealthDto>,
  Same<Shape<typeof dashboardDtoSchema>, Dto.DashboardDto>,
  Same<Shape<typeof reportVersionDtoSchema>, Dto.ReportVersionDto>,
  Same<Shape<typeof publicFeedDtoSchema>, Dto.PublicFeedDto>,
  Same<Shape<typeof claimReviewFeedSchema>, Dto.ClaimReviewFeed>,
  Same<Shape<typeof snapshotDtoSchema>, Dto.SnapshotDto>,
  Same<Shape<typeof snapshotDetailDtoSchema>, Dto.SnapshotDetailDto>,
  Same<Shape<typeof linkCheckDtoSchema>, Dto.LinkCheckDto>,
  Same<Shape<typeof linkCheckRunDtoSchema>, Dto.LinkCheckRunDto>,
  Same<Shape<typeof sentBackItemDtoSchema>, Dto.SentBackItemDto>,
  Same<Shape<typeof myWorkDtoSchema>, Dto.MyWorkDto>,
  Same<Shape<typeof claimantDtoSchema>, Dto.ClaimantDto>,
  Same<Shape<typeof claimantClaimDtoSchema>, Dto.ClaimantClaimDto>,
  Same<Shape<typeof invitationDtoSchema>, Dto.InvitationDto>,
  Same<Shape<typeof invitationPreviewDtoSchema>, Dto.InvitationPreviewDto>,
  Same<Shape<typeof createdInvitationDtoSchema>, Dto.InvitationDto & { token: string }>,
  Same<Shape<typeof claimantDetailDtoSchema>, Dto.ClaimantDto & { items: Dto.ClaimantClaimDto[] }>,
  Same<Shape<typeof jobDtoSchema>, Dto.JobDto>,
  Same<Shape<typeof jobAcceptedDtoSchema>, Dto.JobAcceptedDto>,
  Same<Shape<typeof feedDtoSchema>, Dto.FeedDto>,
  Same<Shape<typeof feedPollDtoSchema>, Dto.FeedPollDto>,
  Same<Shape<typeof notificationDtoSchema>, Dto.NotificationDto>,
  Same<Shape<typeof notificationPageSchema>, Dto.Page<Dto.NotificationDto>>,
  Same<Shape<typeof unreadCountDtoSchema>, Dto.UnreadCountDto>,
  Same<Shape<typeof feedWatchDtoSchema>, Dto.FeedWatchDto>,
  Same<Shape<typeof webhookEndpointDtoSchema>, Dto.WebhookEndpointDto>,
  Same<Shape<typeof createdWebhookEndpointDtoSchema>, Dto.WebhookEndpointDto & { secret: string }>,
  Same<Shape<typeof webhookDeliveryDtoSchema>, Dto.WebhookDeliveryDto>,
  Same<Shape<typeof libraryImportDtoSchema>, Dto.LibraryImportDto>,
  Same<Shape<typeof libraryImportDetailDtoSchema>, Dto.LibraryImportDetailDto>,
  Same<Shape<typeof libraryImportAcceptedDtoSchema>, Dto.LibraryImportAcceptedDto>,
  Same<Shape<typeof libraryEntryPageDtoSchema>, Dto.LibraryEntryPageDto>,
  Same<Shape<typeof claimMatchesDtoSchema>, Dto.ClaimMatchesDto>,
  Same<Shape<typeof claimLookAlikesDtoSchema>, Dto.ClaimLookAlikesDto>,
  Same<Shape<typeof sameClaimResultDtoSchema>, Dto.SameClaimResultDto>,
];
const allMatch: ResponseSchemasMatchDtos extends true[] ? true : false = true;
void allMatch;
