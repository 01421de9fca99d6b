// OpenAPI helpers: every route documents the errors it can return in the API's one error shape.
import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { responseSchemas } from '@claimdesk/domain';
import { z, type ZodType } from 'zod';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed input; details name the field',
  401: 'No valid session or API token',
  403: 'Your role may not do this (or CSRF header missing)',
  404: 'Not found in your workspace',
  409: 'Stale version (body.current holds the current state) or conflict',
  413: 'Too large',
  422: 'Well-formed but breaks a rule (illegal transition, self-approval)',
  429: 'Too many attempts',
};

const ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    code: { type: 'string' },
    message: { type: 'string' },
    details: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
  },
};

export const ApiErrors = (...statuses: number[]) => applyDecorators(...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status], schema: ERROR_SCHEMA })));

type ResponseBody = ZodType | [ZodType];

function named(schema: ZodType): { ref: { $ref: string }; example: unknown } {
  const meta = responseSchemas.get(schema);
  if (!meta) throw new TypeError('a documented response schema must be registered in responseSchemas (libs/domain responses.ts)');
  return { ref: { $ref: `#/components/schemas/${meta.id}` }, example: meta.example };
}

/** The success response: a JSON body described by a shared response schema (or an array of one), with its example. */
export const ApiOk = (body: ResponseBody, description: string, status = 200, example?: unknown) => {
  const [schema, shown] = Array.isArray(body) ? [{ type: 'array', items: named(body[0]).ref }, [named(body[0]).example]] : [named(body).ref, named(body).example];
  return ApiResponse({ status, description, content: { 'application/json': { schema: schema as never, example: example ?? shown } } });
};

/** A success response with no body. */
export const ApiNoContent = (description: string) => ApiResponse({ status: 204, description });

/** A success response that is a file or a stream in one of the given media types. */
export const ApiFile = (description: string, ...types: string[]) =>
  ApiResponse({ status: 200, description, content: Object.fromEntries(types.map((type) => [type, { schema: { type: 'string', contentMediaType: type } as never }])) });

/**
 * The document's component schemas: the shared response schemas of libs/domain as JSON Schema 2020-12, which
 * OpenAPI 3.1 uses as is.
 */
export function responseComponents(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(responseSchemas, { target: 'draft-2020-12', io: 'output', uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' }) as {
    schemas: Record<string, Record<string, unknown>>;
  };
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
    delete schema.id;
    delete schema.example;
  }
  return schemas;
}
