// The server's public entry: the HTTP application, the server process, the application without HTTP, and the services the
// command line resolves from it.
export { createApp, createAppContext, type ApiOptions } from './main';
export { runWorker, serve } from './serve';
export { AppConfig, configFromEnv, type AppConfigOptions } from './common/config';
export type { Actor } from './common/actor';
export { AccountsService, type WorkspaceRef } from './accounts/accounts.service';
export { ArticlesService } from './articles/articles.service';
export { ReportsService } from './reports/reports.service';
export { FeedsService } from './feeds/feeds.service';
export { LibraryService } from './library/library.service';
export { JobQueue } from './jobs/job-queue.service';
export { LinkCheckService } from './evidence/link-check.service';
export { DocumentParser } from './articles/document-parser';
// For the API's integration tests and benchmarks: the route table, the error body, and the secrets sessions are made of.
export { routeTable, type RouteInfo } from './common/route-table';
export { toErrorBody } from './common/errors.filter';
export { hashPassword } from './auth/passwords';
export { newSecret, sha256 } from './auth/tokens';
