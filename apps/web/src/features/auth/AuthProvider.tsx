// Who is signed in; sends people to setup (first run) or sign-in when needed.
import { Center, Loader } from '@mantine/core';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { MeDto, Role } from '@claimdesk/domain';
import { authApi } from '../../api/auth';
import { setCsrfToken } from '../../api/client';
import { authKeys, authQueries } from './api/authQueries';

interface AuthState {
  me: MeDto | null;
  loading: boolean;
  needsSetup: boolean;
  signedIn(me: MeDto): void;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** Starts the session check before React's first render (the queries would otherwise start after its first commit). */
export function prefetchSession(client: QueryClient): void {
  void client.prefetchQuery(authQueries.setup());
  void client.prefetchQuery(authQueries.me());
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const setup = useQuery(authQueries.setup());
  const me = useQuery(authQueries.me());
  const signedIn = useCallback(
    (result: MeDto) => {
      setCsrfToken(result.csrfToken);
      client.setQueryData(authKeys.setup(), { needsSetup: false });
      client.setQueryData(authKeys.me(), result);
    },
    [client],
  );
  const logout = useCallback(async () => {
    await authApi.logout().catch(() => undefined);
    setCsrfToken(null);
    client.clear();
    client.setQueryData(authKeys.setup(), { needsSetup: false });
    client.setQueryData(authKeys.me(), null);
  }, [client]);
  const value = useMemo<AuthState>(
    () => ({ me: me.data ?? null, loading: setup.isLoading || (setup.data?.needsSetup === false && me.isLoading), needsSetup: setup.data?.needsSetup ?? false, signedIn, logout }),
    [me.data, me.isLoading, setup.data, setup.isLoading, signedIn, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** Whether the signed-in member has one of `roles` (the role groups of libs/domain: WRITERS, REVIEWERS, ADMINS). */
export function hasRole(me: MeDto | null, roles: readonly Role[]): boolean {
  return Boolean(me && roles.includes(me.role));
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading, needsSetup } = useAuth();
  const location = useLocation();
  if (loading)
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  if (needsSetup) return <Navigate to="/setup" replace />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}
