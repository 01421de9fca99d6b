// Web: the production bundle's initial JavaScript (entry script + its static imports, gzip), and in Chromium the article
// page with ~1,000 claims: first render (claims highlighted in the text) and click-to-open of the claim panel.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { buildArticle, createWorkspaceSession, freshDatabase, importArticle, loadAverage, log, percentile, ROOT, round, startServer, tmpDir, type Measure, type SectionResult } from './common';

const BUNDLE_GOAL_KB = 250;

/** Entry module scripts of index.html plus everything they import statically (not dynamic import()), gzip level 9. */
export function initialJs(dist: string): { files: Array<{ file: string; raw: number; gzip: number }>; gzip: number } {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  const seen = new Set<string>();
  const queue = entries.map((e) => path.join(dist, e.replace(/^\//, '')));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    const code = fs.readFileSync(file, 'utf8');
    // Static imports and re-exports: `import x from"./a.js"`, `import"./a.js"`, `export{a}from"./a.js"` (never `import(`).
    for (const m of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.js)["']/g)) {
      queue.push(path.resolve(path.dirname(file), m[1]));
    }
  }
  const files = [...seen].map((file) => {
    const buf = fs.readFileSync(file);
    return { file: path.relative(dist, file), raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
  });
  return { files, gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

export async function benchWeb(): Promise<SectionResult> {
  const measures: Measure[] = [];
  const details: string[] = [];
  const out = tmpDir('web');
  try {
    // Built into a temp directory (same config, --outDir) so the shared dist/web of the other engineers is not replaced mid-run.
    const build = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(ROOT, 'apps/web/vite.config.ts'), '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (build.status !== 0) throw new Error(`vite build failed: ${(build.stderr || build.stdout).slice(-800)}`);
    const bundle = initialJs(out);
    const kb = bundle.gzip / 1024;
    log(`web: initial JS ${round(kb, 1)} KB gzip in ${bundle.files.length} file(s)`);
    measures.push({ section: 'web', name: 'Initial JavaScript (entry + static imports), gzip', value: round(kb, 1), unit: 'KB', goal: `< ${BUNDLE_GOAL_KB} KB`, met: kb < BUNDLE_GOAL_KB });
    details.push(
      'Initial JavaScript files (gzip -9 with zlib):',
      '',
      '| file | bytes | gzip bytes |',
      '|---|---:|---:|',
      ...bundle.files.map((f) => `| ${f.file.replace(/-[A-Za-z0-9_-]{8}\.js$/, '-*.js')} | ${f.raw} | ${f.gzip} |`),
      '',
    );
    measures.push(...(await browserMeasures(out, details)));
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
  return { measures, details: details.join('\n') };
}

async function browserMeasures(webDir: string, details: string[]): Promise<Measure[]> {
  const db = await freshDatabase('web');
  const profile = tmpDir('chromium');
  let api: Awaited<ReturnType<typeof startServer>> | null = null;
  let browser: BrowserContext | null = null;
  try {
    const session = await createWorkspaceSession(db.url, 'web');
    api = await startServer('api', { BENCH_DATABASE_URL: db.url, BENCH_WEB_DIR: webDir });
    // The issue's article of about 1,000 claims (75 KB, answered in the request), and a 2,000-claim one (150 KB, a job).
    const articles = [];
    for (const [kb, seed] of [
      [75, 7],
      [150, 8],
    ] as const) {
      const imported = await importArticle(api.url, session, { title: `${kb} KB article`, content: buildArticle(kb * 1000, seed) });
      articles.push({ kb, id: imported.articleId, claims: imported.claims });
      log(`web: ${kb} KB article with ${imported.claims} claims`);
    }
    const { chromium } = await import('playwright-core');
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 900 },
    });
    const [name, value] = session.cookie.split('=');
    await browser.addCookies([{ name, value, url: api.url }]);
    const page = browser.pages()[0] ?? (await browser.newPage());
    const out: Measure[] = [];
    let waterfall: Array<{ name: string; start: number; end: number }> = [];
    for (const article of articles) {
      const firstRender: number[] = [];
      const fcp: number[] = [];
      for (let i = 0; i < 4; i++) {
        await page.goto('about:blank');
        await page.goto(`${api.url}/articles/${article.id}`, { waitUntil: 'commit' });
        try {
          await page.waitForSelector('[data-testid="article-text"] [data-claims]', { timeout: 15_000 });
        } catch {
          throw new Error('claim highlights ([data-testid=article-text] [data-claims]) not found on the article page');
        }
        const t = await page.evaluate(
          () =>
            new Promise<{ render: number; fcp: number; resources: Array<{ name: string; start: number; end: number }> }>((resolve) =>
              requestAnimationFrame(() =>
                setTimeout(
                  () =>
                    resolve({
                      render: performance.now(),
                      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
                      resources: [
                        { name: 'document', start: 0, end: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)?.responseEnd ?? NaN },
                        ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
                          name: new URL(r.name).pathname + new URL(r.name).search,
                          start: r.startTime,
                          end: r.responseEnd,
                        })),
                      ],
                    }),
                  0,
                ),
              ),
            ),
        );
        if (i > 0) {
          firstRender.push(t.render);
          fcp.push(t.fcp);
        }
        if (i === 3 && article === articles[0]) waterfall = [...t.resources, { name: '(claims highlighted, next frame)', start: t.render, end: t.render }];
      }
      const renderMs = percentile(firstRender, 50);
      log(
        `web: ${article.claims} claims, first render ${round(renderMs, 0)} ms (runs ${firstRender.map((x) => round(x, 0)).join(', ')}), FCP ${round(percentile(fcp, 50), 0)} ms (load ${loadAverage()})`,
      );
      out.push({
        section: 'web',
        name: `Article page first render, ${article.claims} claims highlighted (median of 3)`,
        value: round(renderMs, 0),
        unit: 'ms',
        goal: '< 1000 ms',
        met: renderMs < 1000,
        note: `first contentful paint ${round(percentile(fcp, 50), 0)} ms; runs ${firstRender.map((x) => round(x, 0)).join(', ')} ms`,
      });
    }
    const articleId = articles[0].id;
    const clicks: number[] = [];
    const n = await page.locator('[data-testid="article-text"] [data-claims]').count();
    for (let i = 0; i < 5; i++) {
      const index = Math.floor(((i + 1) * n) / 7);
      await page.locator('[data-testid="article-text"] [data-claims]').nth(index).scrollIntoViewIfNeeded();
      const ms = await page.evaluate(
        (idx: number) =>
          new Promise<number>((resolve, reject) => {
            const el = document.querySelectorAll<HTMLElement>('[data-testid="article-text"] [data-claims]')[idx];
            const t0 = performance.now();
            el.click();
            const deadline = t0 + 5000;
            const check = () => {
              const dialog = document.querySelector('[role="dialog"]');
              if (dialog && (dialog as HTMLElement).offsetParent !== null && dialog.textContent && dialog.textContent.length > 20) {
                requestAnimationFrame(() => resolve(performance.now() - t0));
              } else if (performance.now() > deadline) reject(new Error('no claim panel within 5 s'));
              else requestAnimationFrame(check);
            };
            check();
          }),
        index,
      );
      clicks.push(ms);
      await page.keyboard.press('Escape');
      await page.waitForSelector('[role="dialog"]', { state: 'detached', timeout: 5000 }).catch(() => undefined);
    }
    const clickMs = percentile(clicks, 50);
    log(`web: click to panel ${clicks.map((x) => round(x, 0)).join(', ')} ms`);
    out.push({
      section: 'web',
      name: 'Click a claim to open the claim panel (median of 5)',
      value: round(clickMs, 0),
      unit: 'ms',
      goal: '< 100 ms',
      met: clickMs < 100,
      note: `runs ${clicks.map((x) => round(x, 0)).join(', ')} ms; until the dialog is visible with content, next frame`,
    });
    await page.goto(`${api.url}/articles/${articleId}`);
    await page.waitForSelector('[data-testid="article-text"] [data-claims]');
    await page.screenshot({ path: path.join(profile, 'article.png') });
    details.push(
      `Article pages: ${articles.map((a) => `${a.claims} claims from a ${a.kb} KB article`).join(', ')}; Chromium headless 1400×900, session cookie set directly; first render = performance.now() at the frame after the first highlighted claim span is in the DOM (navigation start = 0), median of 3 loads after one warm load. Load average at the end: ${loadAverage()}.`,
      '',
      `Requests of the last load of the ${articles[0].claims}-claim article (ms from navigation start):`,
      '',
      '| request | start | end |',
      '|---|---:|---:|',
      ...waterfall.map(
        (r) =>
          `| ${r.name
            .replace(/\/articles\/[0-9a-f-]{36}/, '/articles/:id')
            .replace(/articleId=[0-9a-f-]{36}/, 'articleId=:id')
            .replace(/-[A-Za-z0-9_-]{8}\.(js|css)$/, '-*.$1')} | ${round(r.start, 0)} | ${round(r.end, 0)} |`,
      ),
    );
    return out;
  } finally {
    await browser?.close().catch(() => undefined);
    await api?.stop();
    await db.remove();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
