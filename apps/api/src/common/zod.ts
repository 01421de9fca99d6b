// Validation at the edge with the zod schemas of libs/domain, reported in the API's one error shape.
import { applyDecorators, Body, PipeTransform, Query } from '@nestjs/common';
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
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    throw new DomainError('VALIDATION_FAILED', describeIssues(result.error.issues, this.where), toDetails(result.error.issues));
  }
}

export function toDetails(issues: z.core.$ZodIssue[]): ErrorDetail[] {
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
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
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
  return applyDecorators(
    ...Object.entries(js.properties ?? {}).map(([name, s]) => ApiQuery({ name, required: js.required?.includes(name) ?? false, schema: s as never })),
  );
};
