// How far checking of an article has come: its checked claims out of its check-worthy ones, as a bar and in words.
import { Progress, Stack, Text } from '@mantine/core';
import type { ArticleDto } from '@claimdesk/domain';

export function CheckProgress({ article }: { article: Pick<ArticleDto, 'checked' | 'checkWorthy'> }) {
  const pct = article.checkWorthy ? Math.round((article.checked / article.checkWorthy) * 100) : 0;
  return (
    <Stack gap={2} miw={140}>
      <Progress value={pct} color={pct === 100 ? 'teal' : 'indigo'} size="md" aria-label={`${article.checked} of ${article.checkWorthy} check-worthy claims checked`} />
      <Text size="xs" c="dimmed">
        {article.checked} of {article.checkWorthy} checked
      </Text>
    </Stack>
  );
}
