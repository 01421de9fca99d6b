// The dashboard feature's public surface for other features (the page is loaded by the router on its own).
export { dashboardKeys } from './api/dashboardQueries';
