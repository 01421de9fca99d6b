// Validation at the edge with the zod schemas of libs/domain, reported in the API's one error shape.
import { applyDecorators, Body, Param, PipeTransform, Query } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { DomainError, type ErrorDetail } from '@claimdesk/domain';
import { z, type ZodType } from 'zod';

export class ZodPipe<T extends ZodType> implements PipeTransform {
  constructor(
    private readonly schema: T,
    private readonly where: 'body' | 'query' | 'param',
  ) {}

  transform(value: unknown): z.infer<T> {
    if (this.where === 'body' && (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new DomainError('VALIDATION_FAILED', 'the request body must be a JSON object', [{ path: '', message: 'expected a JSON object' }]);
    }
    const bad = findBadValue(value);
    if (bad) throw new DomainError('VALIDATION_FAILED', `${bad.path || this.where}: ${bad.message}`, [bad]);
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    throw new DomainError('VALIDATION_FAILED', describeIssues(result.error.issues, this.where), toDetails(result.error.issues));
  }
}

/** Deeper JSON than this is refused: no request of the API nests more than a few levels. */
const MAX_JSON_DEPTH = 32;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first problem PostgreSQL or the schemas would trip on, as a field path and message, or null: nesting past
 * MAX_JSON_DEPTH, a NUL character (PostgreSQL text cannot hold it), a lone UTF-16 surrogate (not valid Unicode).
 * Walked with an explicit stack, so a hostile nesting cannot overflow the call stack.
 */
function findBadValue(root: unknown): { path: string; message: string } | null {
  const stack: Array<[unknown, string, number]> = [[root, '', 0]];
  const badText = (text: string) => (text.includes('\u0000') ? 'contains a NUL character' : LONE_SURROGATE.test(text) ? 'contains a lone UTF-16 surrogate (not valid Unicode)' : null);
  while (stack.length) {
    const [value, path, depth] = stack.pop()!;
    if (typeof value === 'string') {
      const problem = badText(value);
      if (problem) return { path, message: problem };
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return { path, message: `nested more than ${MAX_JSON_DEPTH} levels deep` };
    for (const [k, v] of Object.entries(value)) {
      const problem = badText(k);
      if (problem) return { path, message: `a field name ${problem}` };
      stack.push([v, path ? `${path}.${k}` : k, depth + 1]);
    }
  }
  return null;
}

function toDetails(issues: z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') return { path: issue.keys.join(','), message: `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}` };
    return { path, message: issue.message };
  });
}

function describeIssues(issues: z.core.$ZodIssue[], where: string): string {
  const details = toDetails(issues);
  const first = details[0];
  const head = first.path ? `${first.path}: ${first.message}` : first.message;
  return `invalid ${where}: ${head}${details.length > 1 ? ` (and ${details.length - 1} more)` : ''}`;
}

function jsonSchema(schema: ZodType): Record<string, unknown> {
  try {
    // JSON Schema 2020-12 is OpenAPI 3.1's schema dialect; the document declares it once, not in every schema.
    const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    return rest;
  } catch {
    return { type: 'object' };
  }
}

/** The validated body, documented in OpenAPI from the same schema. */
export const ValidBody = <T extends ZodType>(schema: T) => Body(new ZodPipe(schema, 'body'));
export const ValidQuery = <T extends ZodType>(schema: T) => Query(new ZodPipe(schema, 'query'));
export const DocBody = (schema: ZodType) => applyDecorators(ApiBody({ schema: jsonSchema(schema) as never }));
export const DocQuery = (schema: ZodType) => {
  const js = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return applyDecorators(...Object.entries(js.properties ?? {}).map(([name, s]) => ApiQuery({ name, required: js.required?.includes(name) ?? false, schema: s as never })));
};

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A UUID path parameter; anything else is a 400 naming the parameter. */
export const IdParam = (name = 'id') =>
  Param(name, {
    transform(value: string) {
      if (!UUID_RE.test(value)) throw new DomainError('VALIDATION_FAILED', `${name} must be a UUID`, [{ path: name, message: 'must be a UUID' }]);
      return value.toLowerCase();
    },
  });
