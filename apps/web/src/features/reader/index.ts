// The reader feature's public surface (the reader page is loaded by the router on its own).
export { prefetchArticleReader } from './prefetch';
