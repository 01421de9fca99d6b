import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { startEarlyRequests, type ReaderAssets } from './src/api/early';

/**
 * Inlines `startEarlyRequests` into index.html, ahead of the app's scripts: on a page load the session (and on an
 * article's address the article, its claims and the reader's code) are asked for while the app's code is still loading.
 * The server allows this one inline script by its hash (Content-Security-Policy).
 */
function earlyRequests(): Plugin {
  return {
    name: 'claimdesk-early-requests',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const assets: ReaderAssets = { scripts: [], styles: [] };
        const chunks = new Map(Object.values(ctx.bundle ?? {}).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])));
        const reader = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith('/features/reader/components/ArticleReaderPage.tsx'));
        if (reader && ctx.chunk) {
          // The reader's chunk and its static imports, less what the entry already loads.
          const closure = (file: string, seen = new Set<string>()): Set<string> => {
            if (seen.has(file)) return seen;
            seen.add(file);
            for (const dep of chunks.get(file)?.imports ?? []) closure(dep, seen);
            return seen;
          };
          const loaded = closure(ctx.chunk.fileName);
          for (const file of closure(reader.fileName)) {
            if (loaded.has(file)) continue;
            assets.scripts.push(`/${file}`);
            for (const css of chunks.get(file)?.viteMetadata?.importedCss ?? []) assets.styles.push(`/${css}`);
          }
        }
        // Before the stylesheet: a classic script after one waits for it to load.
        return html.replace('</title>', `</title>\n    <script>(${startEarlyRequests.toString()})(${JSON.stringify(assets)});</script>`);
      },
    },
  };
}

export default defineConfig({
  root: __dirname,
  plugins: [react(), earlyRequests()],
  build: {
    outDir: path.resolve(__dirname, '../../dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // Feature modules only declare things (their one side effect is a stylesheet): the bundler may then skip what a
    // feature's public index.ts re-exports but the importer does not use, so the start-up bundle does not pull in the
    // claim panel only because the shell needs the claims feature's query keys.
    // The domain library likewise only declares (rules, constants and zod schemas): the start-up bundle takes the role
    // lists it needs without every request and response schema, and zod with them.
    rolldownOptions: { treeshake: { moduleSideEffects: (id: string) => !/[\\/](apps[\\/]web[\\/]src[\\/]features|libs[\\/]domain[\\/]src)[\\/]/.test(id) || id.endsWith('.css') } },
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
