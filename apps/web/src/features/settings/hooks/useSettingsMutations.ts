// Writes to workspace settings, each refreshing the one list it changes.
import type { Rating, Role } from '@claimdesk/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { settingsApi } from '../api/settingsApi';
import { settingsKeys } from '../api/settingsQueries';

function useMembersMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => void client.invalidateQueries({ queryKey: settingsKeys.members() }) });
}

function useInvitationsMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => void client.invalidateQueries({ queryKey: settingsKeys.invitations() }) });
}

export const useInvite = () => useInvitationsMutation((body: Parameters<typeof settingsApi.invite>[0]) => settingsApi.invite(body));
export const useRevokeInvitation = () => useInvitationsMutation((invitationId: string) => settingsApi.revokeInvitation(invitationId));
export const useChangeRole = () => useMembersMutation(({ userId, role }: { userId: string; role: Role }) => settingsApi.changeRole(userId, role));
export const useRemoveMember = () => useMembersMutation((userId: string) => settingsApi.removeMember(userId));

export function useSaveRatingScale() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ratings, version }: { ratings: Rating[]; version: number }) => settingsApi.saveRatingScale(ratings, version),
    onSuccess: (data) => client.setQueryData(settingsKeys.ratingScale(), data),
  });
}

function useTokensMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => void client.invalidateQueries({ queryKey: settingsKeys.tokens() }) });
}

export const useCreateToken = () => useTokensMutation((body: Parameters<typeof settingsApi.createToken>[0]) => settingsApi.createToken(body));
export const useRevokeToken = () => useTokensMutation((tokenId: string) => settingsApi.revokeToken(tokenId));

function useFeedsMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => void client.invalidateQueries({ queryKey: settingsKeys.feeds() }) });
}

export const useAddFeed = () => useFeedsMutation((body: Parameters<typeof settingsApi.addFeed>[0]) => settingsApi.addFeed(body));
export const usePauseFeed = () => useFeedsMutation(({ feedId, version, paused }: { feedId: string; version: number; paused: boolean }) => settingsApi.updateFeed(feedId, { version, paused }));
export const useRemoveFeed = () => useFeedsMutation((feedId: string) => settingsApi.removeFeed(feedId));
export const usePollFeed = () => useFeedsMutation((feedId: string) => settingsApi.pollFeed(feedId));

function useWebhooksMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => void client.invalidateQueries({ queryKey: settingsKeys.webhooks() }) });
}

export const useAddWebhook = () => useWebhooksMutation((body: Parameters<typeof settingsApi.addWebhook>[0]) => settingsApi.addWebhook(body));
export const useSetWebhookActive = () => useWebhooksMutation(({ webhookId, active }: { webhookId: string; active: boolean }) => settingsApi.updateWebhook(webhookId, { active }));
export const useRemoveWebhook = () => useWebhooksMutation((webhookId: string) => settingsApi.removeWebhook(webhookId));
export const useRedeliver = () => useWebhooksMutation(({ webhookId, deliveryId }: { webhookId: string; deliveryId: string }) => settingsApi.redeliver(webhookId, deliveryId));
