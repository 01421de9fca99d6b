// Who is signed in; sends people to setup (first run) or sign-in when needed.
import { Center, Loader } from '@mantine/core';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { MeDto } from '@claimdesk/domain';
import { authApi } from '../../api/auth';
import { ApiError, setCsrfToken } from '../../api/client';

interface AuthState {
  me: MeDto | null;
  loading: boolean;
  needsSetup: boolean;
  signedIn(me: MeDto): void;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export const setupQuery = { queryKey: ['setup'], queryFn: authApi.setupState } as const;
// Asked at the same time as the setup state (not after it): on a fresh install it is simply 401, i.e. null.
export const meQuery = {
  queryKey: ['me'],
  queryFn: async (): Promise<MeDto | null> => {
    try {
      const result = await authApi.me();
      setCsrfToken(result.csrfToken);
      return result;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
} as const;

/** Starts the session check before React's first render (the queries would otherwise start after its first commit). */
export function prefetchSession(client: QueryClient): void {
  void client.prefetchQuery(setupQuery);
  void client.prefetchQuery(meQuery);
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const setup = useQuery(setupQuery);
  const me = useQuery(meQuery);
  const signedIn = useCallback(
    (result: MeDto) => {
      setCsrfToken(result.csrfToken);
      client.setQueryData(['setup'], { needsSetup: false });
      client.setQueryData(['me'], result);
    },
    [client],
  );
  const logout = useCallback(async () => {
    await authApi.logout().catch(() => undefined);
    setCsrfToken(null);
    client.clear();
    client.setQueryData(['setup'], { needsSetup: false });
    client.setQueryData(['me'], null);
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
