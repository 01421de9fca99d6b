// The API's public entry: the HTTP application, the application without HTTP, and the services the command line resolves from it.
export { createApp, createAppContext, type ApiOptions } from './main';
export { AppConfig, configFromEnv, type AppConfigOptions } from './common/config';
export type { Actor } from './common/actor';
export { AccountsService, type WorkspaceRef } from './accounts/accounts.service';
export { ArticlesService } from './articles/articles.service';
export { ReportsService } from './reports/reports.service';
