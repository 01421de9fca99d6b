// The articles feature's public surface for other features (pages are loaded by the router on their own).
export { articleKeys, articleQueries } from './api/articleQueries';
export { ImportArticleDialog } from './components/ImportArticleDialog';
