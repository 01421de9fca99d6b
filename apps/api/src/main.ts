// The ClaimDesk API server as a process: the API under /api and the web app at /, configured from the environment
// (PORT, HOST, DATABASE_URL, CLAIMDESK_*). `claimdesk serve` runs the same server with command-line options.
import { serve } from '@claimdesk/server';

serve({ port: Number(process.env.PORT ?? 3000), host: process.env.HOST ?? '0.0.0.0' }).catch((error: unknown) => {
  console.error(`claimdesk: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
