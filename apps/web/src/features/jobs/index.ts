// The jobs feature's public surface: progress of background jobs (large imports) for the features that start them.
export { jobKeys } from './api/jobQueries';
export { JobProgress } from './components/JobProgress';
