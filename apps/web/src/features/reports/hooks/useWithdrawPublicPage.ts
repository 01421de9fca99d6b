// Withdrawing a version's public page (admins): the page then answers 410; the version list and snippets refresh.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { reportKeys } from '../api/reportQueries';
import { reportsApi } from '../api/reportsApi';

export function useWithdrawPublicPage(articleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reportId: string) => reportsApi.withdraw(reportId),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: reportKeys.article(articleId) });
      void client.invalidateQueries({ queryKey: [...reportKeys.all, 'snippet'] });
    },
  });
}
