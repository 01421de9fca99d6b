// One JSON line per request, written by the app's pino logger when the response is done: method, URL, client address,
// status and time taken. Nothing is made per request at a level that writes nothing (a request logger that builds a
// child logger for every request cost the API about a sixth of its read throughput, logging or not).
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/** Health checks are polled every few seconds by balancers and are not logged. */
const UNLOGGED = new Set(['/api/health']);

export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    // At 'fatal' or 'silent' no request line can be written.
    if (!logger.isLevelEnabled('error')) return next();
    if (UNLOGGED.has(req.path)) return next();
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const aborted = !res.writableFinished;
      const level = aborted ? 'warn' : res.statusCode >= 500 ? 'error' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const line = {
        req: { method: req.method, url: req.originalUrl, ip: req.ip },
        res: { status: res.statusCode },
        responseTime: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      };
      logger[level](line, aborted ? 'request aborted' : level === 'error' ? 'request errored' : 'request completed');
    });
    next();
  };
}
