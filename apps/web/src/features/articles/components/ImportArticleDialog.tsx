// Import an article by pasting text, uploading a file (with upload progress) or from a web address; with `article` it imports a new revision.
// A large article, or one read from a web address, is imported by a background job: the dialog follows its progress and opens the article when it is done.
import { Alert, Button, FileInput, Group, Modal, NativeSelect, Progress, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { httpUrl, importArticleSchema, MAX_ARTICLE_BYTES, type ArticleDto, type ImportResultDto, type JobDto } from '@claimdesk/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, type FormEvent } from 'react';
import { importSummary } from '../importSummary';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../api/client';
import { ErrorText } from '../../../lib/ErrorText';
import { JobProgress } from '../../jobs';
import { dashboardKeys } from '../../dashboard';
import { articleKeys } from '../api/articleQueries';
import type { ImportJobResult, ImportOutcome } from '../api/articlesApi';
import { useImportArticle, useUploadArticle } from '../hooks/useArticleMutations';

type Mode = 'paste' | 'upload' | 'url';

const fromResult = (r: ImportResultDto): ImportJobResult => ({ articleId: r.article.id, revisionId: r.revisionId, revision: r.revision, created: r.created, claims: r.claims });
const ACCEPT = '.txt,.md,.markdown,.html,.htm,.docx,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function ImportArticleDialog({ opened, onClose, article, currentText }: { opened: boolean; onClose(): void; article?: ArticleDto; currentText?: string }) {
  const importArticle = useImportArticle();
  const uploadArticle = useUploadArticle();
  const navigate = useNavigate();
  const [mode, setMode] = useState<Mode>('paste');
  const [meta, setMeta] = useState({ title: article?.title ?? '', author: article?.author ?? '', url: article?.url ?? '', publishedAt: article?.publishedAt?.slice(0, 10) ?? '' });
  const [format, setFormat] = useState<'text' | 'markdown' | 'html'>('text');
  // A new revision starts from the current text, to be edited or replaced.
  const [content, setContent] = useState(currentText ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<ImportJobResult | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const client = useQueryClient();
  const accept = (outcome: ImportOutcome) => ('jobId' in outcome ? setJobId(outcome.jobId) : setResult(fromResult(outcome)));
  const jobFinished = useCallback(
    (job: JobDto) => {
      if (job.state !== 'completed') return;
      const done = job.result as { articleId: string };
      void client.invalidateQueries({ queryKey: articleKeys.all });
      void client.invalidateQueries({ queryKey: dashboardKeys.all });
      setJobId(null);
      onClose();
      navigate(`/articles/${done.articleId}`);
    },
    [client, navigate, onClose],
  );
  const fieldError = (k: string) => errors[k] ?? serverError?.fieldError(k);
  const metaField = (key: keyof typeof meta) => ({
    value: meta[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setMeta({ ...meta, [key]: e.currentTarget.value }),
    error: fieldError(key),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setServerError(null);
    const common = {
      title: meta.title.trim() || undefined,
      author: meta.author.trim() || null,
      url: meta.url.trim() || null,
      publishedAt: meta.publishedAt || null,
      articleId: article?.id,
    };
    if (mode === 'paste') {
      const parsed = importArticleSchema.safeParse({ ...common, format, content });
      if (!parsed.success) {
        const found: Record<string, string> = {};
        for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issue.message;
        return setErrors(found);
      }
      setErrors({});
      setBusy(true);
      try {
        accept(await importArticle.mutateAsync(parsed.data));
      } catch (e) {
        setServerError(e as ApiError);
      } finally {
        setBusy(false);
      }
      return;
    }
    if (mode === 'url') {
      const url = httpUrl.safeParse(common.url ?? '');
      if (!url.success) return setErrors({ url: common.url ? url.error.issues[0].message : 'give the address of the article' });
      setErrors({});
      setBusy(true);
      try {
        accept(await importArticle.mutateAsync({ ...common, url: url.data }));
      } catch (e) {
        setServerError(e as ApiError);
      } finally {
        setBusy(false);
      }
      return;
    }
    if (!file) return setErrors({ file: 'choose a .txt, .md, .html or .docx file' });
    if (file.size > MAX_ARTICLE_BYTES) return setErrors({ file: `the file is larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MB` });
    setErrors({});
    setBusy(true);
    setProgress(0);
    try {
      accept(
        await uploadArticle.mutateAsync({
          file,
          fields: { title: common.title, author: common.author ?? undefined, url: common.url ?? undefined, publishedAt: common.publishedAt ?? undefined, articleId: common.articleId },
          onProgress: setProgress,
        }),
      );
    } catch (e) {
      setServerError(e as ApiError);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const close = () => {
    setResult(null);
    setJobId(null);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={article ? `Import a new revision of “${article.title}”` : 'Import an article'} size="xl">
      {jobId ? (
        <Stack>
          <Text>This is a long article: it is being imported in the background. It opens here when its claims are found; you can close this and keep working.</Text>
          <JobProgress jobId={jobId} label="Import progress" onFinished={jobFinished} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Close
            </Button>
          </Group>
        </Stack>
      ) : result ? (
        <Stack>
          <Alert color="teal" title={result.created ? 'Article imported' : `Revision ${result.revision} imported`}>
            {importSummary(result).map((line) => (
              <Text key={line} size="sm">
                {line}
              </Text>
            ))}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Close
            </Button>
            <Button
              onClick={() => {
                close();
                navigate(`/articles/${result.articleId}`);
              }}
            >
              Open the article
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <SegmentedControl
              value={mode}
              onChange={(v) => setMode(v as Mode)}
              data={[
                { value: 'paste', label: 'Paste text' },
                { value: 'upload', label: 'Upload a file' },
                { value: 'url', label: 'From a web address' },
              ]}
              aria-label="How to import"
            />
            <SimpleGrid cols={2} spacing="sm">
              <TextInput label="Title" description={mode === 'url' ? 'Taken from the page when empty' : 'Taken from the text when empty'} {...metaField('title')} />
              <TextInput label="Author" {...metaField('author')} />
              <TextInput
                label={mode === 'url' ? 'Web address of the article' : 'Published address (URL)'}
                description={mode === 'url' ? 'ClaimDesk fetches the page and imports its main content' : undefined}
                placeholder="https://"
                required={mode === 'url'}
                {...metaField('url')}
              />
              <TextInput label="Publication date" type="date" {...metaField('publishedAt')} />
            </SimpleGrid>
            {mode === 'url' ? (
              busy && (
                <Text size="sm" c="dimmed">
                  Fetching the page and finding claims…
                </Text>
              )
            ) : mode === 'paste' ? (
              <>
                <NativeSelect
                  label="Format"
                  value={format}
                  onChange={(e) => setFormat(e.currentTarget.value as typeof format)}
                  data={[
                    { value: 'text', label: 'Plain text' },
                    { value: 'markdown', label: 'Markdown' },
                    { value: 'html', label: 'HTML' },
                  ]}
                  w={200}
                />
                <Textarea
                  label="Article text"
                  required
                  autosize
                  minRows={8}
                  maxRows={16}
                  value={content}
                  onChange={(e) => setContent(e.currentTarget.value)}
                  error={fieldError('content')}
                  styles={{ input: { fontFamily: 'Georgia, serif' } }}
                />
              </>
            ) : (
              <>
                <FileInput
                  label="File"
                  description=".txt, .md, .html or .docx, up to 5 MB"
                  accept={ACCEPT}
                  value={file}
                  onChange={setFile}
                  clearable
                  error={fieldError('file')}
                  placeholder="Choose a file"
                />
                {progress !== null && (
                  <Stack gap={4}>
                    <Progress value={progress * 100} animated aria-label="Upload progress" />
                    <Text size="xs" c="dimmed">
                      {progress < 1 ? `Uploading… ${Math.round(progress * 100)}%` : 'Uploaded; finding claims…'}
                    </Text>
                  </Stack>
                )}
              </>
            )}
            {serverError && !['content', 'title', 'url', 'author', 'publishedAt', 'file'].some((k) => serverError.fieldError(k)) && <ErrorText error={serverError} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={busy}>
                Import and find claims
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
