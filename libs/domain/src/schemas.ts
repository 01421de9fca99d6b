// Request schemas shared by the API's validation pipe and the web app's forms. Objects are strict: unknown fields are refused.
import { z } from 'zod';
import { CLAIM_ACTIONS, CLAIM_STATUSES, DISMISS_REASONS } from './claim-workflow';
import { ratingScaleSchema } from './ratings';
import { ROLES } from './roles';
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS } from './dto';

export const CLAIM_KINDS = ['STATISTICAL', 'EVENT', 'CAUSAL', 'ATTRIBUTED', 'PREDICTION', 'OPINION', 'OTHER'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];
export const STANCES = ['SUPPORTS', 'REFUTES', 'CONTEXT'] as const;
export type Stance = (typeof STANCES)[number];
export const SOURCE_KINDS = ['WEB', 'DOCUMENT', 'DATASET', 'INTERVIEW', 'OTHER'] as const;

const uuid = z.uuid({ message: 'must be a UUID' });
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const optionalText = (max: number) => z.string().trim().max(max, `at most ${max} characters`).nullish();
/** Only web addresses: a `javascript:` or `data:` URL is refused at the edge. */
export const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .url('must be a URL')
  .refine((u) => /^https?:\/\//i.test(u), 'must start with http:// or https://');
/** PostgreSQL's integer: larger numbers are refused at the edge, not by the database. */
const INT_MAX = 2147483647;
const version = z.number({ message: 'version is required' }).int().min(1).max(INT_MAX, 'version is out of range');
const isoDate = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).or(z.iso.date({ message: 'must be an ISO 8601 date' }));

export const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'lower-case letters, digits and dashes, 2–40 characters');
export const emailSchema = z
  .email('must be an email address')
  .max(254)
  .transform((e) => e.toLowerCase());
export const passwordSchema = z.string().min(10, 'at least 10 characters').max(200, 'at most 200 characters');

export const setupSchema = z
  .object({
    email: emailSchema,
    name: text(120),
    password: passwordSchema,
    workspaceName: text(120),
    workspaceSlug: slugSchema.optional(),
    organisation: text(200).optional(),
  })
  .strict();

export const loginSchema = z.object({ email: emailSchema, password: z.string().min(1, 'is required').max(200), workspace: slugSchema.optional() }).strict();

/** An admin invites an email with a role; the person sets their own password when accepting. */
export const inviteMemberSchema = z.object({ email: emailSchema, role: z.enum(ROLES) }).strict();
/** The secret of an invitation link (what follows `#` in `/invite#…`). */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'not an invitation link');
export const invitationLookupSchema = z.object({ token: invitationTokenSchema }).strict();
/** Accepting: `new` makes an account with the password chosen here; `existing` signs in to the account the email already has. */
export const acceptInvitationSchema = z.discriminatedUnion('account', [
  z.object({ token: invitationTokenSchema, account: z.literal('new'), name: text(120), password: passwordSchema }).strict(),
  z.object({ token: invitationTokenSchema, account: z.literal('existing'), password: z.string().min(1, 'is required').max(200) }).strict(),
]);
export const updateMemberSchema = z.object({ role: z.enum(ROLES) }).strict();

export const ARTICLE_FORMATS = ['text', 'markdown', 'html'] as const;
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
/** An import finding more claims than this is refused (413): no article has that many, a generated file may. */
export const MAX_CLAIMS_PER_ARTICLE = 5000;
export const importArticleSchema = z
  .object({
    title: text(300).optional(),
    author: optionalText(200),
    url: httpUrl.nullish(),
    publishedAt: isoDate.nullish(),
    format: z.enum(ARTICLE_FORMATS).default('text'),
    // Without content, `url` is fetched and its main content imported (checked by the service: one of the two is needed).
    content: z.string().min(1, 'must not be empty').max(MAX_ARTICLE_BYTES, 'article is too large').optional(),
    articleId: uuid.optional(),
  })
  .strict();

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)));
const boolString = z.enum(['true', 'false']).transform((v) => v === 'true');

export const CLAIM_SORTS = ['position', 'score', 'created', 'updated', 'priority'] as const;
/**
 * The sorts an index serves across a whole workspace (docs/benchmarks.md, section 5): recency, which no filter is
 * tied to, so walking its index finds a page of matches early. Score and priority are tied to filters (check-worthy
 * claims score high, flagged ones get a priority), so walking their index for the other claims reads most of it;
 * those sorts and text position are offered within one article (`articleId`), where every sort is.
 */
export const WORKSPACE_CLAIM_SORTS = ['updated', 'created'] as const satisfies ReadonlyArray<(typeof CLAIM_SORTS)[number]>;
export const listClaimsQuerySchema = z
  .object({
    articleId: uuid.optional(),
    status: csv(CLAIM_STATUSES).optional(),
    kind: csv(CLAIM_KINDS).optional(),
    hedged: boolString.optional(),
    attributed: boolString.optional(),
    checkWorthy: boolString.optional(),
    checkedBefore: boolString.optional(),
    orphaned: boolString.optional(),
    assigneeId: z.union([uuid, z.literal('me'), z.literal('none')]).optional(),
    rating: z.string().max(40).optional(),
    q: z.string().trim().max(200).optional(),
    /** Default: `position` within one article, `updated` (newest first) across the workspace. */
    sort: z.enum(CLAIM_SORTS).optional(),
    /** Default: `asc`, except `desc` for the workspace-wide default sort. */
    order: z.enum(['asc', 'desc']).optional(),
    limit: z.coerce.number().int().min(1).max(2000).default(50),
    cursor: z.string().max(500).optional(),
    /** Only claims of articles imported from the workspace's feeds, detected since this time. */
    fromFeedsSince: isoDate.optional(),
  })
  .strict()
  .refine((q) => q.articleId || !q.sort || (WORKSPACE_CLAIM_SORTS as readonly string[]).includes(q.sort), {
    path: ['sort'],
    message: `across the workspace claims sort by ${WORKSPACE_CLAIM_SORTS.join(', ')}; sorting by position needs articleId`,
  });
export type ListClaimsQuery = z.infer<typeof listClaimsQuerySchema>;

/** The claims of one article for the reader, in text order: the list's page size and cursor rules. */
export const articleClaimsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(2000).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();
export type ArticleClaimsQuery = z.infer<typeof articleClaimsQuerySchema>;

/** The sort and order a claims listing runs with, defaults applied (see `listClaimsQuerySchema`). */
export function resolveClaimSort(query: Pick<ListClaimsQuery, 'articleId' | 'sort' | 'order'>): { sort: (typeof CLAIM_SORTS)[number]; order: 'asc' | 'desc' } {
  if (query.sort) return { sort: query.sort, order: query.order ?? 'asc' };
  return query.articleId ? { sort: 'position', order: query.order ?? 'asc' } : { sort: 'updated', order: query.order ?? 'desc' };
}

export const updateClaimSchema = z
  .object({
    version,
    kind: z.enum(CLAIM_KINDS).optional(),
    priority: z.number().int().min(0).max(3).optional(),
    assigneeId: uuid.nullable().optional(),
  })
  .strict();

export const transitionClaimSchema = z
  .object({ version, action: z.enum(CLAIM_ACTIONS), reason: z.enum(DISMISS_REASONS).optional() })
  .strict()
  .refine((b) => b.action !== 'dismiss' || b.reason, { path: ['reason'], message: 'a reason is required to dismiss a claim' });

export const bulkClaimsSchema = z
  .object({ action: z.enum(['flag', 'dismiss']), claimIds: z.array(uuid).min(1).max(1000), reason: z.enum(DISMISS_REASONS).optional() })
  .strict()
  .refine((b) => b.action !== 'dismiss' || b.reason, { path: ['reason'], message: 'a reason is required to dismiss claims' });

export const createClaimSchema = z
  .object({
    revisionId: uuid,
    start: z.number().int().min(0).max(INT_MAX),
    end: z.number().int().min(1).max(INT_MAX),
    kind: z.enum(CLAIM_KINDS).optional(),
    /** Split: the claim whose words the selection takes a part of. */
    splitFrom: uuid.optional(),
    /** With splitFrom: attach the parent's sources (stance, excerpt and note) to the new claim too. */
    copySources: z.boolean().optional(),
  })
  .strict()
  .refine((b) => b.end > b.start, { path: ['end'], message: 'end must be after start' })
  .refine((b) => !b.copySources || b.splitFrom, { path: ['copySources'], message: 'copying sources needs splitFrom, the claim being split' });

export const createSourceSchema = z
  .object({
    url: httpUrl.nullish(),
    title: text(500),
    publisher: optionalText(200),
    publishedAt: isoDate.nullish(),
    accessedAt: isoDate.nullish(),
    archiveUrl: httpUrl.nullish(),
    kind: z.enum(SOURCE_KINDS).default('WEB'),
  })
  .strict();
export const updateSourceSchema = createSourceSchema.partial().extend({ version }).strict();
export const listSourcesQuerySchema = z.object({ q: z.string().trim().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).default(20) }).strict();

export const listClaimantsQuerySchema = z.object({ q: z.string().trim().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) }).strict();

export const attachSourceSchema = z
  .object({
    sourceId: uuid.optional(),
    source: createSourceSchema.optional(),
    stance: z.enum(STANCES),
    excerpt: optionalText(5000),
    note: optionalText(5000),
  })
  .strict()
  .refine((b) => Boolean(b.sourceId) !== Boolean(b.source), { path: ['sourceId'], message: 'give either sourceId or a new source' });

export const verdictSchema = z
  .object({
    ratingKey: z.string().min(1, 'choose a rating').max(40),
    rationale: text(20000),
    correction: optionalText(5000),
    propose: z.boolean().default(false),
    version: z.number().int().min(1).max(INT_MAX).optional(),
  })
  .strict();

export const REVIEW_DECISIONS = ['APPROVED', 'CHANGES_REQUESTED'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const reviewSchema = z
  .object({
    decision: z.enum(REVIEW_DECISIONS),
    comment: optionalText(5000),
    /** On approval: the correction notice as readers will see it, worded by the editor (defaults to the verdict's correction). */
    correctionNotice: optionalText(5000),
    version,
  })
  .strict()
  .refine((b) => b.decision !== 'CHANGES_REQUESTED' || (b.comment && b.comment.length > 0), {
    path: ['comment'],
    message: 'say what needs to change',
  });

export const commentSchema = z.object({ body: text(10000), parentId: uuid.optional() }).strict();
export const updateRatingScaleSchema = z.object({ ratings: ratingScaleSchema, version }).strict();
export const API_TOKEN_SCOPES = ['read', 'write'] as const;
export const createApiTokenSchema = z
  .object({ name: text(100), scopes: z.array(z.enum(API_TOKEN_SCOPES)).min(1).default(['read']), expiresInDays: z.number().int().min(1).max(3650).optional() })
  .strict();

export const paginationQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(500).optional() }).strict();

/** A passage of a snapshot's readable text chosen as a source link's excerpt (offsets into the snapshot text). */
export const excerptQuoteSchema = z
  .object({ snapshotId: uuid, start: z.number().int().min(0), end: z.number().int().min(1) })
  .strict()
  .refine((b) => b.end > b.start, { path: ['end'], message: 'end must be after start' })
  .refine((b) => b.end - b.start <= 5000, { path: ['end'], message: 'an excerpt is at most 5000 characters' });

export const FEED_INTERVAL_MINUTES = { min: 5, max: 10080, default: 60 } as const;
const feedInterval = z.number().int().min(FEED_INTERVAL_MINUTES.min, `at least ${FEED_INTERVAL_MINUTES.min} minutes`).max(FEED_INTERVAL_MINUTES.max, 'at most a week');
export const createFeedSchema = z.object({ url: httpUrl, title: text(300).optional(), intervalMinutes: feedInterval.optional() }).strict();
export const updateFeedSchema = z.object({ version, paused: z.boolean().optional(), intervalMinutes: feedInterval.optional(), title: text(300).optional() }).strict();

// --- NEWSROOM ---

export const notificationQuerySchema = z
  .object({
    unread: z.enum(['true', 'false']).optional(),
    cursor: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .strict();
export const feedWatchSchema = z.object({ watching: z.boolean() }).strict();
const webhookEvents = z.array(z.enum(WEBHOOK_EVENTS)).min(1, 'choose at least one event').max(WEBHOOK_EVENTS.length);
export const createWebhookSchema = z.object({ url: httpUrl, events: webhookEvents, format: z.enum(WEBHOOK_FORMATS).default('json'), active: z.boolean().default(true) }).strict();
export const updateWebhookSchema = z.object({ url: httpUrl.optional(), events: webhookEvents.optional(), format: z.enum(WEBHOOK_FORMATS).optional(), active: z.boolean().optional() }).strict();
/** A page of the fact-check library, optionally searched. */
export const listLibraryEntriesQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const claimMatchesQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(20).default(5) }).strict();
/** Unverified look-alikes of a claim in the workspace: at most this many. */
export const claimLookAlikesQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(20).default(5) }).strict();

/** "Same claim": a library entry becomes a source of the claim with this stance. */
export const linkLibraryMatchSchema = z.object({ entryId: uuid, stance: z.enum(STANCES) }).strict();
