// Builds the HTTP application: the API under /api, OpenAPI at /api/docs, and the built web app at /.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { RequestMethod, type INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { MAX_ARTICLE_BYTES } from '@claimdesk/domain';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import helmet from 'helmet';
import pino from 'pino';
import { AppModule } from './app.module';
import { configFromEnv, type AppConfig, type AppConfigOptions } from './common/config';
import { bodyParserError } from './common/errors.filter';
import { PUBLIC_PAGES_PATH } from './common/access';
import { EventsService } from './events/events.service';
import { responseComponents } from './common/openapi';
import { MetricsService } from './metrics/metrics.service';
import { requestLog } from './common/request-log';

/** What the caller knows (the database it opened, where the web build is); the rest comes from the environment. */
export interface ApiOptions extends Partial<AppConfigOptions> {
  databaseUrl: string;
  logLevel?: string;
}

const JSON_LIMIT_BYTES = MAX_ARTICLE_BYTES + 256 * 1024;

export async function createApp(options: ApiOptions): Promise<NestExpressApplication> {
  const { logLevel, ...overrides } = options;
  const config = configFromEnv(process.env, overrides);
  const logger = pino({ level: logLevel ?? process.env.LOG_LEVEL ?? 'info' });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bodyParser: false, logger: ['error', 'warn'] });
  app.set('trust proxy', process.env.CLAIMDESK_TRUST_PROXY === '1' ? 1 : false);
  // Idle keep-alive connections stay open longer than a client or proxy keeps them (Node's 5 s default is shorter than
  // most proxies' 60 s): otherwise a request sent on a connection the server is just closing fails with a reset, which
  // a busy machine whose event loop lags makes likely.
  const server = app.getHttpServer();
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  app.disable('x-powered-by');
  // Each request is timed once, for the log and for the metrics' durations by route.
  const metrics = app.get(MetricsService);
  app.use(requestLog(logger, (method, route, status, seconds) => metrics.observeRequest(method, route, status, seconds)));
  const webIndex = config.webDir && fs.existsSync(path.join(config.webDir, 'index.html')) ? fs.readFileSync(path.join(config.webDir, 'index.html')) : null;
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // The web app's own inline script (it starts a page load's requests early), by its hash: no other inline script runs.
          scriptSrc: ["'self'", ...(webIndex ? inlineScriptHashes(webIndex.toString('utf8')) : [])],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      // One framing policy: no page of ClaimDesk may be framed, said both ways (the report preview is a srcdoc iframe).
      xFrameOptions: { action: 'deny' },
      // HSTS only on requests that came over HTTPS (directly, or through a trusted proxy): over plain HTTP it means nothing.
      strictTransportSecurity: false,
    }),
  );
  const hsts = helmet.strictTransportSecurity({ maxAge: 31536000, includeSubDomains: true });
  app.use((req: Request, res: Response, next: NextFunction) => (req.secure ? hsts(req, res, next) : next()));
  app.use(compression({ filter: compressible }));
  app.use('/api', hostCheck(config));
  app.use(cookieParser());
  app.use('/api', express.json({ limit: JSON_LIMIT_BYTES }));
  app.use('/api', (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const body = bodyParserError(error);
    if (!body) return next(error);
    res.status(body.statusCode).json(body);
  });
  // Readers' pages (public corrections pages and feeds) live at /public, outside the API's prefix; their routes are declared @Public().
  app.setGlobalPrefix('api', { exclude: [{ path: `${PUBLIC_PAGES_PATH}/*path`, method: RequestMethod.GET }] });
  app.enableShutdownHooks();
  // This process's SSE clients hear every process's changes (PostgreSQL LISTEN/NOTIFY).
  await app.get(EventsService).startListening();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('ClaimDesk API')
      .setDescription('Claim-tracking fact-check workspace. Every route names the roles that may call it; errors share one shape.')
      .setVersion(config.version)
      .setOpenAPIVersion('3.1.0')
      .addCookieAuth('claimdesk_session')
      .addBearerAuth()
      .build(),
  );
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...(responseComponents() as Record<string, object>) } };
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  if (config.webDir && webIndex) serveWeb(app, config.webDir, webIndex);
  return app;
}

/**
 * The Host header names where report links point when CLAIMDESK_PUBLIC_URL is not set: a malformed one is refused (400),
 * and with CLAIMDESK_ALLOWED_HOSTS set, so is any host not on that list.
 */
function hostCheck(config: AppConfig) {
  const allowed = config.allowedHosts.map((h) => h.toLowerCase());
  return (req: Request, res: Response, next: NextFunction) => {
    const host = req.headers.host ?? '';
    const wellFormed = /^(?:[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9](?:[a-z0-9-]{0,62}))*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.test(host);
    const problem = !wellFormed ? 'malformed Host header' : allowed.length && !allowed.includes(host.toLowerCase()) ? `Host ${host} is not one of CLAIMDESK_ALLOWED_HOSTS` : null;
    if (!problem) return next();
    res.status(400).json({ statusCode: 400, code: 'VALIDATION_FAILED', message: problem, details: [{ path: 'host', message: problem }] });
  };
}

/**
 * brotli or gzip for JSON, HTML, scripts and styles when the client accepts it: an article's claims shrink to about a
 * tenth. Never for the live event stream: compressed, its events would wait in the compressor's buffer.
 */
function compressible(req: Request, res: Response): boolean {
  return !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res);
}

/** The application without HTTP: its services for the command line, resolved with `context.get(ArticlesService)`. Close it when done. */
export async function createAppContext(config: AppConfig): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false, abortOnError: false });
}

/** Content-Security-Policy sources for the inline scripts of a page: `'sha256-…'` of each one's text. */
function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}

function serveWeb(app: NestExpressApplication, webDir: string, index: Buffer): void {
  app.use(express.static(webDir, { index: false, maxAge: '1h', setHeaders: (res, file) => file.includes('/assets/') && res.setHeader('Cache-Control', 'public, max-age=31536000, immutable') }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith(`/${PUBLIC_PAGES_PATH}/`)) return next();
    res.type('html').setHeader('Cache-Control', 'no-cache');
    res.send(index);
  });
}
