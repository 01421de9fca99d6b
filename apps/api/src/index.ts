export { createApp, type ApiOptions } from './main';
