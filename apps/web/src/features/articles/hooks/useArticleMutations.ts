// Writes to articles. An import (pasted, uploaded or the sample) re-detects claims, so it invalidates everything under
// the articles root (claims included) and the dashboard; a delete does the same.
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { dashboardKeys } from '../../dashboard';
import { articlesApi, type ImportArticleBody, type ImportOutcome, type UploadFields } from '../api/articlesApi';
import { articleKeys } from '../api/articleQueries';

function invalidateArticles(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: articleKeys.all });
  void client.invalidateQueries({ queryKey: dashboardKeys.all });
}

function useImportMutation<V, R extends ImportOutcome>(mutationFn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => invalidateArticles(client) });
}

export function useImportArticle() {
  return useImportMutation((body: ImportArticleBody) => articlesApi.import(body));
}

export function useUploadArticle() {
  return useImportMutation(({ file, fields, onProgress }: { file: File; fields: UploadFields; onProgress(fraction: number): void }) => articlesApi.upload(file, fields, onProgress));
}

export function useImportSampleArticle() {
  return useImportMutation(() => articlesApi.importSample());
}

export function useDeleteArticle() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (id: string) => articlesApi.remove(id), onSuccess: () => invalidateArticles(client) });
}
