// OpenAPI helpers: every route documents the errors it can return in the API's one error shape.
import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

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
  properties: {
    statusCode: { type: 'integer' },
    code: { type: 'string' },
    message: { type: 'string' },
    details: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
  },
};

export const ApiErrors = (...statuses: number[]) => applyDecorators(...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status], schema: ERROR_SCHEMA })));
