// Workspace-wide reference data several screens need: the rating scale and the member list.
import { DEFAULT_RATING_SCALE, type Rating } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { settingsQueries } from '../api/settingsQueries';

export function useRatingScale() {
  return useQuery(settingsQueries.ratingScale());
}

/** The workspace's ratings, or the default scale while the real one loads. */
export function useRatings(): Rating[] {
  const scale = useRatingScale();
  return scale.data?.ratings ?? DEFAULT_RATING_SCALE;
}

export function useMembers() {
  return useQuery(settingsQueries.members());
}
