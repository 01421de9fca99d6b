// Publishing a new version of an article's corrections report refreshes that article's version list and its draft
// preview (which now compares against the version just published).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { reportKeys } from '../api/reportQueries';
import { reportsApi } from '../api/reportsApi';

export function usePublishReport(articleId: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: () => reportsApi.publish(articleId), onSuccess: () => void client.invalidateQueries({ queryKey: reportKeys.article(articleId) }) });
}
