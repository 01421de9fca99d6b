// The API document integrators build on: a valid OpenAPI 3.1 document, a success response with a schema and an
// example on every operation, and a typed client generated from it that compiles. (Every response the other
// integration tests receive is checked against the same document by the harness.)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { routeTable } from '@claimdesk/server';
import { startApi, type TestApi } from './harness';
import { clientTypes, validateOpenApi } from './openapi-tools';

jest.setTimeout(120_000);

describe('the OpenAPI document', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(api.contract.doc.openapi).toBe('3.1.0');
    expect(await validateOpenApi(api.contract.doc)).toEqual({ valid: true });
    // The validator does find faults: a response without a description is not valid OpenAPI.
    const broken = structuredClone(api.contract.doc);
    broken.paths['/api/claims'].get.responses = { '200': {} };
    expect(await validateOpenApi(broken)).toMatchObject({ valid: false });
  });

  it('describes every route of the API, each with a success response', () => {
    const operations = new Set(Object.entries(api.contract.doc.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p.replace(/\{([^}]+)\}/g, ':$1')}`)));
    const routes = routeTable(api.app).map((r) => `${r.method} ${r.path}`);
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => !operations.has(r))).toEqual([]);
    const missing: string[] = [];
    for (const [p, item] of Object.entries(api.contract.doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const successes = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        if (successes.length === 0) missing.push(`${method.toUpperCase()} ${p}: no success response`);
        for (const [status, response] of successes) {
          for (const [type, media] of Object.entries(response.content ?? {})) {
            if (!media.schema) missing.push(`${method.toUpperCase()} ${p} ${status} ${type}: no schema`);
            const file = media.schema && 'contentMediaType' in media.schema;
            if (type === 'application/json' && !file && media.example === undefined) missing.push(`${method.toUpperCase()} ${p} ${status}: no example`);
          }
          if (status !== '204' && !response.content) missing.push(`${method.toUpperCase()} ${p} ${status}: no content`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('has examples that match their own schemas', () => {
    const wrong: string[] = [];
    for (const [p, item] of Object.entries(api.contract.doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, response] of Object.entries(op.responses ?? {})) {
          const media = response.content?.['application/json'];
          if (!media?.schema || media.example === undefined || !/^2\d\d|503$/.test(status)) continue;
          const validate = api.contract.validator(`example ${method} ${p} ${status}`, media.schema);
          if (!validate(media.example)) wrong.push(`${method.toUpperCase()} ${p} ${status}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a response that does not match it', () => {
    const claimPath = Object.keys(api.contract.doc.paths).find((p) => p === '/api/claims/{id}')!;
    expect(claimPath).toBeDefined();
    expect(api.contract.check('GET', '/api/claims/4f6c2a8e-1b3d-4e5f-8a9b-0c1d2e3f4a5b', 200, 'application/json', { id: 'x' })).toMatch(/does not match its schema/);
    expect(api.contract.check('POST', '/api/auth/logout', 200, 'application/json', {})).toMatch(/does not declare/);
  });

  it('gives a typed client that compiles, with response types that catch a wrong field', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-client-'));
    try {
      fs.writeFileSync(path.join(dir, 'api.d.ts'), await clientTypes(api.contract.doc));
      const client = `import type { paths } from './api';
type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
declare function getJson(path: string): Promise<unknown>;
export async function claimTexts(): Promise<string[]> {
  const page = (await getJson('/api/claims')) as Json<'/api/claims', 'get'>;
  return page.items.map((claim) => claim.text + ' ' + claim.status);
}
export function rating(verdict: Json<'/api/verdicts/{id}', 'get'>): string {
  return verdict.ratingKey + (verdict.decidedBy?.name ?? '');
}
`;
      const compile = (source: string) => {
        fs.writeFileSync(path.join(dir, 'client.ts'), source);
        const program = ts.createProgram([path.join(dir, 'client.ts')], {
          strict: true,
          noEmit: true,
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.CommonJS,
          lib: ['lib.es2022.d.ts'],
          types: [],
          skipLibCheck: true,
        });
        return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      };
      expect(compile(client)).toEqual([]);
      // The generated types are real: a field the API does not return is a compile error.
      expect(compile(client.replace('claim.text', 'claim.txt')).join('\n')).toMatch(/Property 'txt' does not exist/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
