// Workspace-wide reference data several screens need: the rating scale and the member list.
import { DEFAULT_RATING_SCALE, type Rating } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { settingsApi } from '../api/settingsApi';

export function useRatingScale() {
  return useQuery({ queryKey: ['rating-scale'], queryFn: settingsApi.ratingScale, staleTime: 60_000 });
}

/** The workspace's ratings, or the default scale while the real one loads or if the route is missing. */
export function useRatings(): Rating[] {
  const scale = useRatingScale();
  return scale.data?.ratings ?? DEFAULT_RATING_SCALE;
}

export function useMembers() {
  return useQuery({ queryKey: ['members'], queryFn: settingsApi.members, staleTime: 60_000 });
}
