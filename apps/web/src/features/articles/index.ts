// The articles feature's public surface for other features (pages are loaded by the router on their own).
export { articleKeys, articleQueries } from './api/articleQueries';
export { CheckProgress } from './components/CheckProgress';
/** The import dialog's code on its own (with the import schema): for pages that open it later. */
export const loadImportArticleDialog = () => import('./components/ImportArticleDialog');
