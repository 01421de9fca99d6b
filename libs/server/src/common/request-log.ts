// Every finished request, timed once: one JSON line written by the app's pino logger when the response is done (method,
// URL, client address, status and time taken), and the same duration handed to the metrics by matched route. Nothing is
// made per request at a level that writes nothing (a request logger that builds a child logger for every request cost
// the API about a sixth of its read throughput, logging or not).
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/** Health checks are polled every few seconds by balancers and are not logged (they are still measured). */
const UNLOGGED = new Set(['/api/health']);

/** Hears the duration of every request whose response was sent in full. */
export type RequestObserver = (method: string, route: string, status: number, seconds: number) => void;

/** The matched route pattern (`/api/claims/:id`), never the raw path, so ids do not multiply the metrics' series. */
function routeOf(req: Request): string {
  if (req.route?.path) return `${req.baseUrl}${req.route.path}`;
  return req.path.startsWith('/api') ? 'unmatched' : 'web';
}

export function requestLog(logger: Logger, observe?: RequestObserver) {
  return (req: Request, res: Response, next: NextFunction): void => {
    // At 'fatal' or 'silent' no request line can be written.
    const logged = logger.isLevelEnabled('error') && !UNLOGGED.has(req.path);
    if (!logged && !observe) return next();
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const aborted = !res.writableFinished;
      if (observe && !aborted) observe(req.method, routeOf(req), res.statusCode, seconds);
      if (!logged) return;
      const level = aborted ? 'warn' : res.statusCode >= 500 ? 'error' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const line = { req: { method: req.method, url: req.originalUrl, ip: req.ip }, res: { status: res.statusCode }, responseTime: Math.round(seconds * 1e4) / 10 };
      logger[level](line, aborted ? 'request aborted' : level === 'error' ? 'request errored' : 'request completed');
    });
    next();
  };
}
