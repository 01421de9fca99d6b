// The fact-check library: checked claims from imported files and the workspace's approved verdicts, searchable, each
// with where it came from and the claims it matched; editors and admins import files (with progress and a per-line
// report) and remove an import as a whole.
import { Alert, Anchor, Badge, Button, FileInput, Group, Modal, Pagination, Paper, Progress, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { REVIEWERS, type LibraryImportDto } from '@claimdesk/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorText } from '../../../lib/ErrorText';
import { formatDateTime } from '../../../lib/format';
import { articleKeys } from '../../articles';
import { hasRole, useAuth } from '../../auth';
import { JobProgress } from '../../jobs';
import { libraryApi } from '../api/libraryApi';
import { LIBRARY_PAGE, libraryKeys, libraryQueries } from '../api/libraryQueries';

export default function LibraryPage() {
  const { me } = useAuth();
  const canImport = hasRole(me, REVIEWERS);
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [term] = useDebouncedValue(q.trim(), 250);
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const setPage = (p: number) => setParams((old) => ({ ...Object.fromEntries(old), page: String(p) }));
  const entries = useQuery(libraryQueries.entries(term, (page - 1) * LIBRARY_PAGE));

  return (
    <div>
      <Title order={2} mb="xs">
        Library
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Claims checked before: fact-checks imported from ClaimReview or CSV files, and this desk&apos;s own approved verdicts. Claims that match one strongly are marked “checked before”.
      </Text>
      {canImport && <ImportPanel />}
      <ImportsList canRemove={canImport} />
      <TextInput
        label="Search the library"
        placeholder="Words of the claim, headline or publisher"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setParams((old) => ({ ...Object.fromEntries(old), q: e.currentTarget.value, page: '1' }));
        }}
        maw={420}
        mb="md"
      />
      <Paper withBorder radius="md">
        {entries.error ? (
          <ErrorText error={entries.error} title="The library could not be loaded" />
        ) : !entries.data ? (
          <Skeleton h={160} />
        ) : entries.data.items.length === 0 ? (
          <Text p="md" c="dimmed">
            {term ? `No entry matches “${term}”.` : 'The library is empty: import a file of fact-checks, or approve a verdict.'}
          </Text>
        ) : (
          <Table striped aria-label="Library entries" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Checked claim</Table.Th>
                <Table.Th>Rating</Table.Th>
                <Table.Th>From</Table.Th>
                <Table.Th>Matched claims</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.data.items.map(({ entry, matchedClaims }) => (
                <Table.Tr key={entry.id}>
                  <Table.Td maw={420}>
                    <Text size="sm">{entry.claim}</Text>
                    <Text size="xs" c="dimmed">
                      {[entry.publisher, entry.date].filter(Boolean).join(' · ')}
                      {entry.url && (
                        <>
                          {entry.publisher || entry.date ? ' · ' : ''}
                          <Anchor href={entry.url} target="_blank" rel="noreferrer noopener" size="xs">
                            {entry.title ?? 'fact-check'}
                          </Anchor>
                        </>
                      )}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {entry.rating ? (
                      <Badge variant="light" color={entry.ratingKey ? 'indigo' : 'gray'} title={entry.ratingKey ? undefined : 'Not on this workspace’s rating scale'}>
                        {entry.rating}
                      </Badge>
                    ) : (
                      <Text size="xs" c="dimmed">
                        no rating
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {entry.origin === 'verdict' ? (
                      <Anchor component={Link} to={`/claims?q=${encodeURIComponent(entry.claim.slice(0, 80))}`} size="sm">
                        Approved verdict
                      </Anchor>
                    ) : (
                      <Text size="sm">{entry.fileName ?? 'import'}</Text>
                    )}
                  </Table.Td>
                  <Table.Td maw={280}>
                    {matchedClaims.length === 0 ? (
                      <Text size="xs" c="dimmed">
                        none yet
                      </Text>
                    ) : (
                      <Stack gap={2}>
                        {matchedClaims.map((m) => (
                          <Anchor key={m.claimId} component={Link} to={`/articles/${m.articleId}?claim=${m.claimId}`} size="xs" lineClamp={2}>
                            {m.text}
                          </Anchor>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {entries.data && entries.data.total > LIBRARY_PAGE && (
        <Group justify="space-between" mt="sm">
          <Text size="sm" c="dimmed">
            {entries.data.total} entries
          </Text>
          <Pagination total={Math.ceil(entries.data.total / LIBRARY_PAGE)} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
    </div>
  );
}

/** Upload a library file; follow its job; then show what it imported and the per-line report. */
function ImportPanel() {
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<{ jobId: string; importId: string } | null>(null);
  const [finished, setFinished] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState(0);
  const upload = useMutation({
    mutationFn: (f: File) => libraryApi.upload(f, setUploaded),
    onSuccess: (accepted) => {
      setSent(accepted);
      setFinished(null);
      void client.invalidateQueries({ queryKey: libraryKeys.imports() });
    },
  });
  const onFinished = useCallback(() => {
    if (!sent || finished === sent.importId) return;
    setFinished(sent.importId);
    void client.invalidateQueries({ queryKey: libraryKeys.all });
    void client.invalidateQueries({ queryKey: articleKeys.all });
  }, [client, sent, finished]);
  return (
    <Paper withBorder radius="md" p="md" mb="md">
      <Text fw={600} mb="xs">
        Import fact-checks
      </Text>
      <Group align="flex-end" gap="sm">
        <FileInput
          label="Library file"
          description="schema.org ClaimReview JSON-LD (.json), or CSV/TSV with a header naming claim, rating, url, publisher, date"
          placeholder="Choose a file"
          accept=".json,.jsonld,.csv,.tsv"
          value={file}
          onChange={setFile}
          clearable
          clearButtonProps={{ 'aria-label': 'Clear the chosen file' }}
          w={460}
        />
        <Button onClick={() => file && upload.mutate(file)} disabled={!file} loading={upload.isPending}>
          Import
        </Button>
      </Group>
      {upload.isPending && <Progress mt="sm" value={uploaded * 100} aria-label="Upload" />}
      <ErrorText error={upload.error} title="The file was not accepted" />
      {sent && (
        <Stack mt="sm" gap="xs">
          <JobProgress jobId={sent.jobId} label="Library import" onFinished={onFinished} />
          {finished === sent.importId && <ImportReport importId={sent.importId} />}
        </Stack>
      )}
    </Paper>
  );
}

function ImportReport({ importId }: { importId: string }) {
  const detail = useQuery(libraryQueries.importDetail(importId));
  if (detail.error) return <ErrorText error={detail.error} />;
  if (!detail.data) return <Skeleton h={40} />;
  const d = detail.data;
  return (
    <Alert
      color={d.status === 'FAILED' ? 'red' : d.skipped ? 'yellow' : 'green'}
      title={d.status === 'FAILED' ? `${d.fileName} was not imported` : `${d.imported} entries imported from ${d.fileName}`}
    >
      {d.error && <Text size="sm">{d.error}</Text>}
      {d.report.length > 0 && (
        <Stack gap={2} mt={4} aria-label="Import report">
          <Text size="sm">
            {d.skipped} skipped{d.report.length > d.skipped ? `, ${d.report.length - d.skipped} imported with a note` : ''}:
          </Text>
          {d.report.slice(0, 200).map((r) => (
            <Text key={`${r.line}-${r.reason}`} size="xs" ff="monospace">
              line {r.line}: {r.skipped ? 'skipped, ' : ''}
              {r.reason}
            </Text>
          ))}
          {d.report.length > 200 && (
            <Text size="xs" c="dimmed">
              … and {d.report.length - 200} more lines
            </Text>
          )}
        </Stack>
      )}
    </Alert>
  );
}

function ImportsList({ canRemove }: { canRemove: boolean }) {
  const client = useQueryClient();
  const imports = useQuery(libraryQueries.imports());
  const [removing, setRemoving] = useState<LibraryImportDto | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => libraryApi.removeImport(id),
    onSuccess: () => {
      setRemoving(null);
      void client.invalidateQueries({ queryKey: libraryKeys.all });
      void client.invalidateQueries({ queryKey: articleKeys.all });
    },
  });
  if (!imports.data?.length) return null;
  return (
    <Paper withBorder radius="md" mb="md">
      <Table aria-label="Imported files">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Imported file</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th ta="right">Entries</Table.Th>
            <Table.Th ta="right">Skipped</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {imports.data.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>
                {i.fileName}{' '}
                {i.status !== 'COMPLETED' && (
                  <Badge size="xs" color={i.status === 'FAILED' ? 'red' : 'blue'} variant="light" title={i.error ?? undefined}>
                    {i.status === 'FAILED' ? 'failed' : 'importing'}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{formatDateTime(i.createdAt)}</Table.Td>
              <Table.Td ta="right">{i.imported}</Table.Td>
              <Table.Td ta="right">{i.skipped}</Table.Td>
              <Table.Td ta="right">
                {canRemove && i.status !== 'RUNNING' && (
                  <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(i)}>
                    Remove
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={Boolean(removing)} onClose={() => setRemoving(null)} title="Remove import" centered>
        <Text size="sm" mb="md">
          Remove “{removing?.fileName}” and the {removing?.imported} entries it brought into the library? Claims it marked “checked before” lose that mark.
        </Text>
        <ErrorText error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setRemoving(null)}>
            Cancel
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => removing && remove.mutate(removing.id)}>
            Remove import
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
}
