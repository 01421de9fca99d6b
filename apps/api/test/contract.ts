// Checks real HTTP responses against the API's own OpenAPI document: the status must be one the operation
// declares, and a JSON body must match the schema declared for that status.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

interface MediaObject {
  schema?: Record<string, unknown>;
  example?: unknown;
}
interface Operation {
  operationId?: string;
  responses?: Record<string, { description?: string; content?: Record<string, MediaObject> }>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  operation: Operation;
}

export class ContractChecker {
  private readonly ajv: Ajv2020;
  private readonly routes: Route[] = [];
  private readonly validators = new Map<string, ValidateFunction>();
  /** Operations and statuses seen, as "GET /api/claims/{id} 200". */
  readonly seen = new Set<string>();

  constructor(readonly doc: OpenApiDocument) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'openapi', components: doc.components ?? {} });
    for (const [template, item] of Object.entries(doc.paths)) {
      // Literal segments sort before parameters, so /api/reports/range wins over /api/reports/{id}/{format}.
      const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}|\{[^}]+\}/g, '[^/]+')}$`);
      for (const [method, operation] of Object.entries(item)) this.routes.push({ method: method.toUpperCase(), template, pattern, operation });
    }
    this.routes.sort((a, b) => a.template.split('{').length - b.template.split('{').length);
  }

  /** What is wrong with this response by the document, or null when it conforms. */
  check(method: string, path: string, status: number, contentType: string | null, body: unknown): string | null {
    const pathname = path.split('?')[0];
    const route = this.routes.find((r) => r.method === method && r.pattern.test(pathname));
    // Unknown routes answer 404 (or 401 before routing); the document cannot speak for them.
    if (!route) return null;
    const where = `${method} ${route.template}`;
    const declared = route.operation.responses?.[String(status)];
    if (!declared) {
      // Errors the API can always give (malformed JSON, rate limits, sign-in) are not all listed per route; successes must be.
      if (status >= 400) return null;
      return `${where} answered ${status}, which the document does not declare (it declares ${Object.keys(route.operation.responses ?? {}).join(', ')})`;
    }
    this.seen.add(`${where} ${status}`);
    const type = (contentType ?? '').split(';')[0].trim();
    if (status === 204 || !declared.content) return null;
    const media = declared.content[type];
    if (!media) return `${where} ${status} answered ${type || 'no content type'}, not one of ${Object.keys(declared.content).join(', ')}`;
    if (type !== 'application/json' || !media.schema) return null;
    const validate = this.validator(JSON.stringify(media.schema), media.schema);
    if (validate(body)) return null;
    const errors = (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
    return `${where} ${status} does not match its schema: ${errors.join('; ')}`;
  }

  /** Validates a value against a schema of the document (which may reference its components); one compiled function per distinct schema. */
  validator(key: string, schema: Record<string, unknown>): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(rebase(schema));
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/** "#/components/schemas/X" refers to the document; inside Ajv the components live in the schema with $id "openapi". */
function rebase(schema: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\/components\//g, '"$ref":"openapi#/components/')) as Record<string, unknown>;
}
