// The live feature's public surface: other members' changes refresh what the app shows.
export { useLiveEvents } from './hooks/useLiveEvents';
