// `claimdesk serve`: what `npm start` runs.
import { InvalidArgumentError, type Command } from 'commander';
import { runWorker, serve } from '@claimdesk/server';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the API under /api and the web app at / (embedded PostgreSQL unless DATABASE_URL is set); also runs background jobs unless CLAIMDESK_WORKERS=0')
    .option('--port <port>', 'port to listen on (default: PORT or 3000)', (value: string) => {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError(`port must be a number from 0 to 65535 (got "${value}")`);
      return port;
    })
    .option('--host <host>', 'address to bind (default: HOST or 0.0.0.0)')
    .action(async (opts: { port?: number; host?: string }) => {
      await serve({ port: opts.port ?? Number(process.env.PORT ?? 3000), host: opts.host ?? process.env.HOST ?? '0.0.0.0' });
    });
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run background jobs (large imports) without serving HTTP, on DATABASE_URL or the embedded PostgreSQL of CLAIMDESK_DATA_DIR')
    .action(async () => {
      await runWorker();
    });
}
