// Golden-file assertion: compares bytes; UPDATE_GOLDEN=1 rewrites the files instead.
import * as fs from 'node:fs';
import * as path from 'node:path';

const GOLDEN_DIR = path.join(__dirname, '..', '__golden__');

export function expectGolden(name: string, actual: string | Buffer): void {
  const file = path.join(GOLDEN_DIR, name);
  const bytes = typeof actual === 'string' ? Buffer.from(actual, 'utf8') : actual;
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, bytes);
    return;
  }
  if (!fs.existsSync(file)) {
    throw new Error(`Golden file src/__golden__/${name} is missing: run the tests once with UPDATE_GOLDEN=1 and review it.`);
  }
  const expected = fs.readFileSync(file);
  if (bytes.equals(expected)) return;
  // Text formats: let Jest show a readable diff first.
  if (typeof actual === 'string') expect(actual).toBe(expected.toString('utf8'));
  throw new Error(`${name} differs from src/__golden__/${name} (${bytes.length} bytes, golden ${expected.length}). ` + 'If the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff.');
}
