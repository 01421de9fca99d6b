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
    const nul = findNul(value, '');
    if (nul !== null) throw new DomainError('VALIDATION_FAILED', `${nul || this.where}: text must not contain NUL (\\u0000) characters`, [{ path: nul, message: 'contains a NUL character' }]);
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    throw new DomainError('VALIDATION_FAILED', describeIssues(result.error.issues, this.where), toDetails(result.error.issues));
  }
}

/** PostgreSQL text cannot hold U+0000; refuse it at the edge, naming where it was. */
function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], path ? `${path}.${i}` : String(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return path;
      const found = findNul(v, path ? `${path}.${k}` : k);
      if (found !== null) return found;
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
