import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: __dirname,
  plugins: [react()],
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
