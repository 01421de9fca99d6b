// Query keys and options for the session: whether the server needs setup, and who is signed in.
import type { MeDto } from '@claimdesk/domain';
import { queryOptions } from '@tanstack/react-query';
import { authApi } from '../../../api/auth';
import { ApiError, setCsrfToken } from '../../../api/client';

export const authKeys = {
  all: ['auth'] as const,
  setup: () => [...authKeys.all, 'setup'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  invitation: (token: string) => [...authKeys.all, 'invitation', token] as const,
};

export const authQueries = {
  /** What an invitation link is for; a 404 (used, revoked, expired) is final, so it is not retried. */
  invitation: (token: string) => queryOptions({ queryKey: authKeys.invitation(token), queryFn: () => authApi.previewInvitation(token), enabled: token.length > 0, retry: false, staleTime: Infinity }),
  setup: () => queryOptions({ queryKey: authKeys.setup(), queryFn: authApi.setupState }),
  // Asked at the same time as the setup state (not after it): on a fresh install it is simply 401, i.e. null.
  me: () =>
    queryOptions({
      queryKey: authKeys.me(),
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
    }),
};
