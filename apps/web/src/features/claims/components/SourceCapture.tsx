// The capture of a cited page in the claim panel: when and what was captured (time, SHA-256, link check), its readable
// text with the quoted excerpt highlighted, and quoting a selected passage as the excerpt.
import { Badge, Box, Button, Code, Group, ScrollArea, Stack, Text } from '@mantine/core';
import type { ClaimSourceDto, LinkCheckOutcome } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ErrorText } from '../../../lib/ErrorText';
import { formatDateTime } from '../../../lib/format';
import { claimQueries } from '../api/claimQueries';
import { useCaptureSource, useQuoteExcerpt } from '../hooks/useClaimMutations';

const CHECK_LABELS: Record<LinkCheckOutcome, { label: string; color: string }> = {
  UNCHANGED: { label: 'Live page unchanged', color: 'teal' },
  CHANGED: { label: 'Live page changed', color: 'orange' },
  GONE: { label: 'Live page gone', color: 'red' },
  FAILED: { label: 'Link check failed', color: 'gray' },
};

/** Offsets of the selection inside `container`'s text, or null when the selection is elsewhere or empty. */
function selectionOffsets(container: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return { start, end: start + range.toString().length };
}

export function SourceCapture({ claimId, link, canEdit }: { claimId: string; link: ClaimSourceDto; canEdit: boolean }) {
  const capture = link.source.capture;
  const [open, setOpen] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const recapture = useCaptureSource(claimId);
  const quote = useQuoteExcerpt(claimId);
  const snapshot = useQuery({ ...claimQueries.snapshot(link.source.id, capture?.id ?? ''), enabled: open && Boolean(capture) });

  if (!capture) {
    if (!link.source.url) return null;
    return (
      <Group gap="xs" mt={4}>
        <Text size="xs" c="dimmed">
          Not captured yet.
        </Text>
        {canEdit && (
          <Button size="compact-xs" variant="subtle" loading={recapture.isPending} onClick={() => recapture.mutate(link.source.id)}>
            Capture now
          </Button>
        )}
        <ErrorText error={recapture.error} />
      </Group>
    );
  }

  const text = snapshot.data?.text ?? '';
  const q = link.quote && link.quote.snapshotId === capture.id ? link.quote : null;
  const quoteSelection = () => {
    const offsets = textRef.current ? selectionOffsets(textRef.current) : null;
    if (!offsets || offsets.end <= offsets.start) return setHint('Select the words to quote in the captured text first.');
    setHint(null);
    quote.mutate({ linkId: link.id, snapshotId: capture.id, ...offsets });
  };

  return (
    <Stack gap={4} mt={4}>
      <Group gap={6} wrap="wrap">
        <Text size="xs" c="dimmed">
          Captured {formatDateTime(capture.capturedAt)} · SHA-256 <Code fz="xs">{capture.sha256.slice(0, 12)}…</Code>
        </Text>
        {link.source.linkCheck && (
          <Badge size="xs" variant="light" color={CHECK_LABELS[link.source.linkCheck.outcome].color} title={link.source.linkCheck.detail ?? undefined}>
            {CHECK_LABELS[link.source.linkCheck.outcome].label}
          </Badge>
        )}
        <Button size="compact-xs" variant="subtle" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? 'Hide the capture' : 'Read the capture'}
        </Button>
        {canEdit && (
          <Button size="compact-xs" variant="subtle" loading={recapture.isPending} onClick={() => recapture.mutate(link.source.id)}>
            Capture again
          </Button>
        )}
      </Group>
      <ErrorText error={recapture.error} />
      {open && (
        <Box>
          <ErrorText error={snapshot.error} />
          <ScrollArea.Autosize mah={260} type="auto">
            <Box
              ref={textRef}
              data-testid="capture-text"
              p="xs"
              style={{ whiteSpace: 'pre-wrap', fontFamily: 'Georgia, serif', fontSize: 14, background: 'var(--mantine-color-gray-0)', borderRadius: 4 }}
            >
              {q && text.slice(q.start, q.end) === q.exact ? (
                <>
                  {text.slice(0, q.start)}
                  <mark>{text.slice(q.start, q.end)}</mark>
                  {text.slice(q.end)}
                </>
              ) : (
                text
              )}
            </Box>
          </ScrollArea.Autosize>
          {canEdit && (
            <Group gap="xs" mt={4}>
              <Button size="compact-xs" variant="light" onClick={quoteSelection} loading={quote.isPending}>
                Quote the selected words as the excerpt
              </Button>
              {hint && (
                <Text size="xs" c="dimmed">
                  {hint}
                </Text>
              )}
            </Group>
          )}
          <ErrorText error={quote.error} />
        </Box>
      )}
    </Stack>
  );
}
