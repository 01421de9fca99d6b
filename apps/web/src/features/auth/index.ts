// The auth feature's public surface: the session, the sign-in gate and role checks (the sign-in, setup and invitation
// pages are loaded by the app shell on their own).
export { AuthProvider, hasRole, prefetchSession, RequireAuth, useAuth } from './AuthProvider';
