export { createApp, type ApiOptions } from './main';
export { AppConfig, configFromEnv, type AppConfigOptions } from './common/config';
