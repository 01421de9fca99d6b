// The settings feature's public surface for other features: workspace reference data (the page is loaded by the router).
export { useMembers, useRatings } from './hooks/useWorkspaceData';
