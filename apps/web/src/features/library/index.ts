// The library feature's public surface for other features (its screen is loaded by the router on its own).
export { libraryKeys } from './api/libraryQueries';
