// The workspace audit log as admins read it: filters, cursor paging and the CSV export share one query schema.
import { z } from 'zod';

/** The kinds of record the audit trail names (its `entity` column). */
export const AUDIT_ENTITIES = ['article', 'claim', 'comment', 'membership', 'report', 'source', 'verdict', 'workspace'] as const;

const isoDate = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).or(z.iso.date({ message: 'must be an ISO 8601 date' }));

export const auditLogQuerySchema = z
  .object({
    actor: z.uuid({ message: 'must be a UUID' }).optional(),
    entity: z
      .string()
      .regex(/^[a-z_]{1,40}$/, 'lower-case letters and _')
      .optional(),
    action: z.string().trim().min(1).max(80).optional(),
    /** Events at or after this instant (a date means its start, UTC). */
    from: isoDate.optional(),
    /** Events before this instant (a date means its start, UTC). */
    to: isoDate.optional(),
    cursor: z
      .string()
      .regex(/^\d{1,19}$/, 'must be a cursor from a previous page')
      .optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict()
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), { message: 'must be after from', path: ['to'] });
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;
