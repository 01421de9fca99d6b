// The app loads Mantine's stylesheets per component (mantine.css) instead of all of styles.css. This checks that every
// component the app imports from @mantine/core, with the components it is built from, has its stylesheet there, in the
// order styles.css has them (later files override earlier ones at equal specificity).
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '..');
const MANTINE = path.resolve(__dirname, '../../../../node_modules/@mantine/core');
const ESM = path.join(MANTINE, 'esm');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.spec\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Names the app imports from @mantine/core (types left out). */
function importedNames(): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'@mantine\/core'/g)) {
      if (/import\s+type/.test(m[0])) continue;
      for (const part of m[1].split(',')) {
        const name = part.trim();
        if (name && !name.startsWith('type ')) names.add(name.split(/\s+as\s+/)[0]);
      }
    }
  }
  return names;
}

/** The stylesheets (`X.css` for each `X.module.mjs`) of a Mantine module and everything it imports inside the package. */
function stylesheetsOf(entries: string[]): Set<string> {
  const css = new Set<string>();
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const module = /([^/\\]+)\.module\.mjs$/.exec(file);
    if (module) css.add(`${module[1]}.css`);
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/^import [^'"]*["'](\.[^'"]+)["']/gm)) walk(path.resolve(path.dirname(file), m[1]));
  };
  entries.forEach(walk);
  return css;
}

function listed(): string[] {
  const text = fs.readFileSync(path.join(__dirname, 'mantine.css'), 'utf8');
  return [...text.matchAll(/@import '@mantine\/core\/styles\/([^']+)';/g)].map((m) => m[1]);
}

describe('Mantine stylesheets', () => {
  const index = fs.readFileSync(path.join(ESM, 'index.mjs'), 'utf8');
  const exported = new Map([...index.matchAll(/import \{ ([^}]+) \} from "(\.[^"]+)";/g)].flatMap((m) => m[1].split(',').map((n) => [n.trim(), path.resolve(ESM, m[2])] as const)));

  it('lists the stylesheet of every Mantine component the app uses', () => {
    const names = [...importedNames()];
    expect(names.length).toBeGreaterThan(10);
    const unknown = names.filter((n) => !exported.has(n));
    expect(unknown).toEqual([]);
    const needed = stylesheetsOf(names.map((n) => exported.get(n)!));
    expect(needed.has('Button.css')).toBe(true);
    const have = new Set(listed());
    expect([...needed].filter((f) => !have.has(f)).sort()).toEqual([]);
  });

  it('starts with the baseline, variables and global styles and keeps the order of styles.css', () => {
    const files = listed();
    expect(files.slice(0, 3)).toEqual(['baseline.css', 'default-css-variables.css', 'global.css']);
    const all = fs.readFileSync(path.join(MANTINE, 'styles.css'), 'utf8');
    const at = (f: string) =>
      all.indexOf(
        fs
          .readFileSync(path.join(MANTINE, 'styles', f), 'utf8')
          .trim()
          .slice(0, 120),
      );
    const positions = files.map(at);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});
