// The auth feature's public surface: the session, the sign-in gate and role checks.
export { AuthProvider, hasRole, prefetchSession, RequireAuth, useAuth } from './AuthProvider';
export { AcceptInvitationPage } from './components/AcceptInvitationPage';
export { LoginPage } from './components/LoginPage';
export { SetupPage } from './components/SetupPage';
