// "Copy for CMS": the corrections of a published version as HTML and plain text, ready to paste under the article.
import { Button, CopyButton, Group, Paper, SegmentedControl, Skeleton, Text, Textarea } from '@mantine/core';
import type { ReportVersionDto } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorText } from '../../../lib/ErrorText';
import { reportQueries } from '../api/reportQueries';

export function CmsSnippetPanel({ version }: { version: ReportVersionDto }) {
  const [format, setFormat] = useState<'html' | 'text'>('html');
  const snippet = useQuery(reportQueries.snippet(version.id, format));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Copy for CMS">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>Copy for CMS</Text>
        <Text size="xs" c="dimmed">
          v{version.version}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        The corrections of this version, to paste under the article.
      </Text>
      <SegmentedControl
        size="xs"
        fullWidth
        mb="xs"
        value={format}
        onChange={(v) => setFormat(v as 'html' | 'text')}
        data={[
          { value: 'html', label: 'HTML' },
          { value: 'text', label: 'Plain text' },
        ]}
      />
      {snippet.isLoading && <Skeleton h={120} />}
      <ErrorText error={snippet.error} />
      {snippet.data !== undefined && (
        <>
          <Textarea
            aria-label={format === 'html' ? 'HTML snippet' : 'Plain-text snippet'}
            readOnly
            autosize
            minRows={4}
            maxRows={10}
            value={snippet.data}
            styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
          />
          <CopyButton value={snippet.data}>
            {({ copied, copy }) => (
              <Button size="xs" mt="xs" fullWidth variant={copied ? 'light' : 'default'} color={copied ? 'teal' : undefined} onClick={copy}>
                {copied ? 'Copied' : format === 'html' ? 'Copy HTML' : 'Copy plain text'}
              </Button>
            )}
          </CopyButton>
        </>
      )}
    </Paper>
  );
}
