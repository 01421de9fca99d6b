// The article list: claim counts by status and how far checking has come, import, and delete for admins.
import { Anchor, Badge, Box, Button, Group, Modal, Paper, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { ADMINS, CLAIM_STATUSES, WRITERS, type ArticleDto } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorText } from '../../../lib/ErrorText';
import { formatDate } from '../../../lib/format';
import { hasRole, useAuth } from '../../auth';
import { STATUS_COLORS, STATUS_LABELS } from '../../../lib/claimStatus';
import { articleQueries } from '../api/articleQueries';
import { useDeleteArticle } from '../hooks/useArticleMutations';
import { ArticlesEmptyState } from './ArticlesEmptyState';
import { CheckProgress } from './CheckProgress';
import { ImportArticleDialog } from './ImportArticleDialog';

export default function ArticlesPage() {
  const { me } = useAuth();
  const articles = useQuery(articleQueries.list());
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<ArticleDto | null>(null);
  const remove = useDeleteArticle();
  const canImport = hasRole(me, WRITERS);
  const canDelete = hasRole(me, ADMINS);

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
      <ErrorText error={articles.error} />
      {articles.data?.length === 0 && <ArticlesEmptyState canImport={canImport} onImport={() => setImporting(true)} />}
      {articles.data && articles.data.length > 0 && (
        <Paper withBorder radius="md">
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Title</Table.Th>
                <Table.Th>Date</Table.Th>
                <Table.Th>Claims by status</Table.Th>
                <Table.Th>Checked</Table.Th>
                {canDelete && (
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
                  {canDelete && (
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
          <Text size="sm">Delete “{deleting?.title}”? It disappears from lists and reports; its claims and audit history are kept.</Text>
          <ErrorText error={remove.error} />
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setDeleting(null)}>
              Cancel
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}>
              Delete article
            </Button>
          </Group>
        </Box>
      </Modal>
    </Stack>
  );
}
