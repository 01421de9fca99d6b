// swagger-parser and openapi-typescript, run in a child Node process: they load ES modules, which Jest's CommonJS
// sandbox refuses (it would need --experimental-vm-modules).
import { execFile } from 'node:child_process';

const TOOLS = `
const [task, swaggerParser, openapiTypescript] = process.argv.slice(1);
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
  const doc = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  try {
    if (task === 'validate') {
      await require(swaggerParser).validate(doc);
      process.stdout.write(JSON.stringify({ valid: true }));
    } else {
      const { default: openapiTS, astToString } = require(openapiTypescript);
      process.stdout.write(JSON.stringify({ types: astToString(await openapiTS(doc)) }));
    }
  } catch (error) {
    process.stdout.write(JSON.stringify({ valid: false, error: String(error && error.message || error) }));
  }
});
`;

function run<T>(task: 'validate' | 'types', doc: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', TOOLS, task, require.resolve('@apidevtools/swagger-parser'), require.resolve('openapi-typescript')],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as T)),
    );
    child.stdin!.end(JSON.stringify(doc));
  });
}

/** swagger-parser's verdict on the document: valid, or the first problem it found. */
export const validateOpenApi = (doc: unknown) => run<{ valid: boolean; error?: string }>('validate', doc);

/** The TypeScript types openapi-typescript generates from the document (`paths`, `components`). */
export async function clientTypes(doc: unknown): Promise<string> {
  const result = await run<{ types?: string; error?: string }>('types', doc);
  if (result.types === undefined) throw new Error(`openapi-typescript failed: ${result.error}`);
  return result.types;
}
