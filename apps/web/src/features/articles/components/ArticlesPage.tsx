// The article list: claim counts by status and how far checking has come, import, and delete for admins.
import { Anchor, Badge, Box, Button, Group, Modal, Paper, Progress, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { CLAIM_STATUSES, type ArticleDto } from '@claimdesk/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorText, isNotAvailable } from '../../../lib/ErrorText';
import { formatDate } from '../../../lib/format';
import { useAuth } from '../../auth/AuthProvider';
import { STATUS_COLORS, STATUS_LABELS } from '../../claims/claimStatus';
import { articlesApi } from '../api/articlesApi';
import { ImportArticleDialog } from './ImportArticleDialog';

function CheckProgress({ article }: { article: ArticleDto }) {
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

export default function ArticlesPage() {
  const { me } = useAuth();
  const client = useQueryClient();
  const articles = useQuery({ queryKey: ['articles'], queryFn: articlesApi.list });
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<ArticleDto | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => articlesApi.remove(id),
    onSuccess: () => {
      setDeleting(null);
      void client.invalidateQueries({ queryKey: ['articles'] });
      void client.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
  const canImport = me?.role !== 'VIEWER';

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Articles</Title>
        {canImport && <Button onClick={() => setImporting(true)}>Import article</Button>}
      </Group>
      {articles.isLoading && (
        <Stack aria-label="Loading articles">
          <Skeleton h={48} />
          <Skeleton h={48} />
          <Skeleton h={48} />
        </Stack>
      )}
      {articles.error && (isNotAvailable(articles.error) ? <Text c="dimmed">Articles are not available on the server yet.</Text> : <ErrorText error={articles.error} />)}
      {articles.data?.length === 0 && (
        <Paper withBorder p="xl" ta="center" radius="md">
          <Text fw={600}>No articles yet</Text>
          <Text c="dimmed" size="sm" mt={4}>
            Import an article: ClaimDesk finds its claims and marks the hedged and attributed ones.
          </Text>
          {canImport && (
            <Button mt="md" onClick={() => setImporting(true)}>
              Import your first article
            </Button>
          )}
        </Paper>
      )}
      {articles.data && articles.data.length > 0 && (
        <Paper withBorder radius="md">
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Title</Table.Th>
                <Table.Th>Date</Table.Th>
                <Table.Th>Claims by status</Table.Th>
                <Table.Th>Checked</Table.Th>
                {me?.role === 'ADMIN' && (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {articles.data.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td maw={420}>
                    <Anchor component={Link} to={`/articles/${a.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {a.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {[a.author, `revision ${a.revision}`, a.orphaned ? `${a.orphaned} orphaned` : null].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(a.publishedAt ?? a.createdAt)}</Text>
                    {!a.publishedAt && (
                      <Text size="xs" c="dimmed">
                        imported
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Text size="sm" fw={600} mr={4}>
                        {a.claimTotal}
                      </Text>
                      {CLAIM_STATUSES.filter((s) => a.claimCounts[s]).map((s) => (
                        <Badge key={s} size="sm" variant="light" color={STATUS_COLORS[s]} tt="none">
                          {STATUS_LABELS[s]} {a.claimCounts[s]}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <CheckProgress article={a} />
                  </Table.Td>
                  {me?.role === 'ADMIN' && (
                    <Table.Td>
                      <Button variant="subtle" color="red" size="xs" onClick={() => setDeleting(a)} aria-label={`Delete ${a.title}`}>
                        Delete
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {importing && <ImportArticleDialog opened onClose={() => setImporting(false)} />}
      <Modal opened={Boolean(deleting)} onClose={() => setDeleting(null)} title="Delete article" centered>
        <Box>
          <Text size="sm">
            Delete “{deleting?.title}”? It disappears from lists and reports; its claims and audit history are kept.
          </Text>
          <ErrorText error={remove.error} />
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setDeleting(null)}>
              Cancel
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => deleting && remove.mutate(deleting.id)}>
              Delete article
            </Button>
          </Group>
        </Box>
      </Modal>
    </Stack>
  );
}
