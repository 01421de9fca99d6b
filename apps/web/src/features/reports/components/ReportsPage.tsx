// Corrections reports per article: a sandboxed preview of the draft, downloads in every format, publishing and versions,
// each version's public page (admins may withdraw it), the CMS snippet of the latest version and the workspace's public feed.
import { Anchor, Badge, Button, Group, List, Modal, NativeSelect, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ADMINS, REPORT_FORMATS, REVIEWERS, type ReportFormat, type ReportVersionDto } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { ErrorText } from '../../../lib/ErrorText';
import { formatDateTime } from '../../../lib/format';
import { articleQueries } from '../../articles';
import { hasRole, useAuth } from '../../auth';
import { reportQueries } from '../api/reportQueries';
import { reportsApi } from '../api/reportsApi';
import { JobProgress } from '../../jobs';
import { useDraftPdf } from '../hooks/useDraftPdf';
import { usePublishReport } from '../hooks/usePublishReport';
import { useWithdrawPublicPage } from '../hooks/useWithdrawPublicPage';
import { CmsSnippetPanel } from './CmsSnippetPanel';
import { publishPlan, type PublishPlan } from '../publishPlan';

const FORMAT_LABELS: Record<ReportFormat, string> = { md: 'Markdown', html: 'HTML', pdf: 'PDF', csv: 'CSV', json: 'JSON', jsonld: 'ClaimReview JSON-LD' };

/** Only same-origin download addresses are linked; anything else from the server is ignored. */
function sameSite(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, window.location.origin);
    return parsed.origin === window.location.origin ? parsed.pathname + parsed.search : null;
  } catch {
    return null;
  }
}
/** A public page address from the server, linked only when it is http(s). */
function httpUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
function publisherName(p: ReportVersionDto['publishedBy']): string {
  return p || '—';
}

export default function ReportsPage() {
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const articles = useQuery(articleQueries.list());
  const articleId = params.get('article') ?? articles.data?.[0]?.id ?? '';
  const preview = useQuery(reportQueries.preview(articleId));
  const versions = useQuery(reportQueries.versions(articleId));
  const publish = usePublishReport(articleId);
  const canPublish = hasRole(me, REVIEWERS);
  const plan = publishPlan(preview.data?.model);
  // The plan as it was when the dialog opened: after publishing, the preview's plan moves on to the next version
  // while the dialog fades out, and the dialog must not change its words under the pointer.
  const [shownPlan, setShownPlan] = useState<PublishPlan | null>(null);
  const [confirming, setConfirming] = useState(false);
  const withdraw = useWithdrawPublicPage(articleId);
  const pdf = useDraftPdf(articleId);
  const canWithdraw = hasRole(me, ADMINS);
  const [withdrawing, setWithdrawing] = useState<ReportVersionDto | null>(null);
  const feed = useQuery(reportQueries.feed());
  const latest = versions.data?.[0];
  const title = articles.data?.find((a) => a.id === articleId)?.title ?? 'this article';

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Corrections reports</Title>
        <NativeSelect
          label="Article"
          w={420}
          value={articleId}
          onChange={(e) => setParams({ article: e.currentTarget.value })}
          data={articles.data?.length ? articles.data.map((a) => ({ value: a.id, label: a.title })) : [{ value: '', label: articles.isLoading ? 'Loading…' : 'No articles yet' }]}
        />
      </Group>
      <ErrorText error={articles.error} />
      {articles.data?.length === 0 && <Text c="dimmed">Import an article and approve verdicts: the corrections report is built from approved verdicts.</Text>}
      <Modal opened={confirming && Boolean(shownPlan)} onClose={() => setConfirming(false)} title={`Publish version ${shownPlan?.version ?? ''}?`}>
        {shownPlan && (
          <Stack gap="sm">
            <Text size="sm">
              Version {shownPlan.version} of the corrections report for “{title}” becomes a fixed snapshot that anyone in the workspace can download, with a public page anyone can read. It has{' '}
              {shownPlan.entries} {shownPlan.entries === 1 ? 'entry' : 'entries'}, {shownPlan.corrections} {shownPlan.corrections === 1 ? 'correction' : 'corrections'}.
            </Text>
            {shownPlan.changes.length > 0 && (
              <>
                <Text size="sm" fw={600}>
                  What changes since version {shownPlan.version - 1}
                </Text>
                <List size="sm" spacing={4}>
                  {shownPlan.changes.map((c) => (
                    <List.Item key={c}>{c}</List.Item>
                  ))}
                </List>
              </>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button onClick={() => publish.mutate(undefined, { onSettled: () => setConfirming(false) })} loading={publish.isPending}>
                Publish version {shownPlan.version}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal opened={Boolean(withdrawing)} onClose={() => setWithdrawing(null)} title={`Withdraw the public page of version ${withdrawing?.version ?? ''}?`}>
        <Stack gap="sm">
          <Text size="sm">
            Readers, search engines and fact-check aggregators will get “withdrawn” (410) at its address, and it leaves the workspace feed. The published files stay downloadable inside the workspace.
            This cannot be undone.
          </Text>
          <ErrorText error={withdraw.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setWithdrawing(null)}>
              Cancel
            </Button>
            <Button color="red" loading={withdraw.isPending} onClick={() => withdrawing && withdraw.mutate(withdrawing.id, { onSuccess: () => setWithdrawing(null) })}>
              Withdraw public page
            </Button>
          </Group>
        </Stack>
      </Modal>
      {articleId && (
        <Group align="flex-start" gap="lg" wrap="nowrap">
          <Paper withBorder radius="md" style={{ flex: 1, minWidth: 0, overflow: 'hidden' }}>
            <Group justify="space-between" p="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
              <Text fw={600}>Draft preview (not published)</Text>
              <Text size="xs" c="dimmed">
                Only approved verdicts appear
              </Text>
            </Group>
            {preview.isLoading && <Skeleton h={500} />}
            {preview.error && (
              <Stack p="sm">
                <ErrorText error={preview.error} />
              </Stack>
            )}
            {preview.data && (
              <iframe
                title="Corrections report preview"
                sandbox=""
                srcDoc={preview.data.html}
                style={{ width: '100%', height: 'calc(100vh - 250px)', minHeight: 420, border: 0, display: 'block', background: 'white' }}
              />
            )}
          </Paper>
          <Stack w={320} gap="md" style={{ flexShrink: 0 }}>
            <Paper withBorder p="md" radius="md" component="section" aria-label="Download the draft">
              <Text fw={600} mb="xs">
                Download the draft
              </Text>
              <Group gap={6}>
                {REPORT_FORMATS.map((f) =>
                  f === 'pdf' ? (
                    // A large report's PDF is laid out by a background job: the button follows it, then downloads the file.
                    <Button key={f} variant="default" size="xs" onClick={() => void pdf.start()} loading={pdf.busy}>
                      {FORMAT_LABELS[f]}
                    </Button>
                  ) : (
                    <Button key={f} component="a" href={reportsApi.draftUrl(articleId, f)} download variant="default" size="xs">
                      {FORMAT_LABELS[f]}
                    </Button>
                  ),
                )}
              </Group>
              {pdf.jobId && (
                <Stack gap={4} mt="sm">
                  <Text size="sm">A large report: its PDF is being laid out and downloads when ready.</Text>
                  <JobProgress jobId={pdf.jobId} label="Laying out the PDF" failedTitle="The PDF could not be laid out" onFinished={pdf.finished} />
                </Stack>
              )}
              <ErrorText error={pdf.error} />
            </Paper>
            <Paper withBorder p="md" radius="md" component="section" aria-label="Published versions">
              <Group justify="space-between" mb="xs">
                <Text fw={600}>Published versions</Text>
                {canPublish && (
                  <Button
                    size="xs"
                    onClick={() => {
                      setShownPlan(plan);
                      setConfirming(true);
                    }}
                    loading={publish.isPending}
                    disabled={!plan || Boolean(plan.blocked)}
                    title={plan?.blocked ?? undefined}
                  >
                    Publish version {plan?.version ?? ''}
                  </Button>
                )}
              </Group>
              {canPublish && plan?.blocked && (
                <Text size="xs" c="dimmed" mb="xs">
                  {plan.blocked}
                </Text>
              )}
              <ErrorText error={publish.error} />
              {versions.isLoading && <Skeleton h={60} />}
              <ErrorText error={versions.error} />
              {versions.data?.length === 0 && (
                <Text size="sm" c="dimmed">
                  Not published yet. A published version is a fixed snapshot: downloading it again gives the same file.
                </Text>
              )}
              {versions.data && versions.data.length > 0 && (
                <Table fz="sm">
                  <Table.Tbody>
                    {versions.data.map((v) => (
                      <Table.Tr key={v.id}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            v{v.version}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {formatDateTime(v.publishedAt)} · {publisherName(v.publishedBy)}
                          </Text>
                          <Group gap={6} mt={2}>
                            {REPORT_FORMATS.filter((f) => sameSite(v.downloads[f])).map((f) => (
                              <Anchor key={f} href={sameSite(v.downloads[f])!} size="xs" download>
                                {f.toUpperCase()}
                              </Anchor>
                            ))}
                          </Group>
                          <Group gap={6} mt={4}>
                            {httpUrl(v.publicUrl) && (
                              <Anchor href={httpUrl(v.publicUrl)!} target="_blank" rel="noopener noreferrer" size="xs" fw={600}>
                                Public page ↗
                              </Anchor>
                            )}
                            {v.withdrawnAt && (
                              <Badge size="xs" color="gray" variant="light" title={`Withdrawn ${formatDateTime(v.withdrawnAt)}`}>
                                Public page withdrawn
                              </Badge>
                            )}
                            {canWithdraw && v.publicUrl && (
                              <Button size="compact-xs" variant="subtle" color="red" onClick={() => setWithdrawing(v)}>
                                Withdraw
                              </Button>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
            {latest && <CmsSnippetPanel version={latest} />}
            {feed.data && httpUrl(feed.data.url) && (
              <Text size="xs" c="dimmed">
                Every public page of the workspace, for fact-check aggregators:{' '}
                <Anchor href={httpUrl(feed.data.url)!} target="_blank" rel="noopener noreferrer" size="xs" underline="always">
                  ClaimReview feed
                </Anchor>
              </Text>
            )}
          </Stack>
        </Group>
      )}
    </Stack>
  );
}
