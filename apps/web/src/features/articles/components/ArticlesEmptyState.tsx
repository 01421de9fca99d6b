// What an empty workspace shows: how to start, with the project's sample article one click away for those who may import.
import { Button, Group, Paper, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { ErrorText } from '../../../lib/ErrorText';
import { useImportSampleArticle } from '../hooks/useArticleMutations';

export function ArticlesEmptyState({ canImport, onImport }: { canImport: boolean; onImport(): void }) {
  const navigate = useNavigate();
  const sample = useImportSampleArticle();
  return (
    <Paper withBorder p="xl" ta="center" radius="md">
      <Text fw={600}>No articles yet</Text>
      <Text c="dimmed" size="sm" mt={4}>
        Import an article: ClaimDesk finds its claims and marks the hedged and attributed ones.
      </Text>
      {canImport && (
        <>
          <Text c="dimmed" size="sm" mt={4}>
            New here? The sample article is an opinion piece with the traps a desk must catch: hedges, attributed figures and wrong dates.
          </Text>
          <Group justify="center" mt="md">
            <Button onClick={() => sample.mutate(undefined, { onSuccess: (result) => navigate(`/articles/${result.article.id}`) })} loading={sample.isPending}>
              Try the sample article
            </Button>
            <Button variant="default" onClick={onImport}>
              Import your first article
            </Button>
          </Group>
          <ErrorText error={sample.error} />
        </>
      )}
    </Paper>
  );
}
