// The sources attached to a claim, and the form to attach one from the workspace library or a new one.
import { ActionIcon, Badge, Box, Button, Group, Paper, Radio, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { attachSourceSchema, STANCES, type ClaimSourceDto, type SourceDto, type Stance } from '@claimdesk/domain';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../api/client';
import { ErrorText } from '../../../lib/ErrorText';
import { SafeLink } from '../../../lib/SafeLink';
import { claimQueries } from '../api/claimQueries';
import { useAttachSource, useDetachSource } from '../hooks/useClaimMutations';
import { SourceCapture } from './SourceCapture';

const STANCE_LABELS: Record<Stance, string> = { SUPPORTS: 'Supports', REFUTES: 'Refutes', CONTEXT: 'Context' };
const STANCE_COLORS: Record<Stance, string> = { SUPPORTS: 'teal', REFUTES: 'red', CONTEXT: 'gray' };

export function SourceItem({ link, onRemove, claimId, canEdit = false }: { link: ClaimSourceDto; onRemove?(): void; claimId?: string; canEdit?: boolean }) {
  return (
    <Paper withBorder p="xs" radius="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Box style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap" align="baseline">
            <Badge color={STANCE_COLORS[link.stance]} variant="light" size="sm" style={{ flexShrink: 0 }}>
              {STANCE_LABELS[link.stance]}
            </Badge>
            <SafeLink url={link.source.url}>{link.source.title}</SafeLink>
          </Group>
          {link.source.publisher && (
            <Text size="xs" c="dimmed" mt={2}>
              {link.source.publisher}
            </Text>
          )}
          {link.excerpt && (
            <Text size="sm" mt={4} pl="xs" style={{ borderLeft: '3px solid var(--mantine-color-gray-4)', whiteSpace: 'pre-wrap' }}>
              {link.excerpt}
            </Text>
          )}
          {claimId && <SourceCapture claimId={claimId} link={link} canEdit={canEdit} />}
          {link.note && (
            <Text size="xs" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
              Note: {link.note}
            </Text>
          )}
        </Box>
        {onRemove && (
          <ActionIcon variant="subtle" color="gray" aria-label={`Remove source ${link.source.title}`} onClick={onRemove}>
            ×
          </ActionIcon>
        )}
      </Group>
    </Paper>
  );
}

export function SourcesSection({ claimId, sources, canEdit }: { claimId: string; sources: ClaimSourceDto[]; canEdit: boolean }) {
  const [adding, setAdding] = useState(false);
  const remove = useDetachSource(claimId);
  return (
    <Stack gap="xs">
      {sources.length === 0 && (
        <Text size="sm" c="dimmed">
          No sources yet.
        </Text>
      )}
      {sources.map((s) => (
        <SourceItem key={s.id} link={s} claimId={claimId} canEdit={canEdit} onRemove={canEdit ? () => remove.mutate(s.id) : undefined} />
      ))}
      <ErrorText error={remove.error} />
      {canEdit &&
        (adding ? (
          <AttachSourceForm claimId={claimId} onDone={() => setAdding(false)} onCancel={() => setAdding(false)} />
        ) : (
          <Button variant="light" size="xs" onClick={() => setAdding(true)} style={{ alignSelf: 'flex-start' }}>
            Attach a source
          </Button>
        ))}
    </Stack>
  );
}

type Mode = 'library' | 'new';

function AttachSourceForm({ claimId, onDone, onCancel }: { claimId: string; onDone(): void; onCancel(): void }) {
  const [mode, setMode] = useState<Mode>('new');
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [picked, setPicked] = useState<SourceDto | null>(null);
  const [fields, setFields] = useState({ url: '', title: '', publisher: '' });
  // No default: a debunk left on a preselected "Supports" would go unnoticed, so the stance is always chosen.
  const [stance, setStance] = useState<Stance | null>(null);
  const [excerpt, setExcerpt] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const library = useQuery(claimQueries.sources(debounced, mode === 'library'));
  const attach = useAttachSource(claimId);
  const server = attach.error instanceof ApiError ? attach.error : null;
  const err = (path: string) => errors[path] ?? server?.fieldError(path);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const body =
      mode === 'library'
        ? { sourceId: picked?.id, stance, excerpt: excerpt.trim() || null, note: note.trim() || null }
        : {
            source: { url: fields.url.trim() || null, title: fields.title, publisher: fields.publisher.trim() || null },
            stance,
            excerpt: excerpt.trim() || null,
            note: note.trim() || null,
          };
    const parsed = attachSourceSchema.safeParse(body);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join('.');
        found[key] ??= issue.message;
      }
      if (mode === 'library' && found.sourceId) found.sourceId = 'Choose a source from the library';
      if (found.stance) found.stance = 'Choose whether the source supports the claim, refutes it or gives context';
      return setErrors(found);
    }
    setErrors({});
    attach.mutate(parsed.data, { onSuccess: onDone });
  };

  return (
    <Paper withBorder p="sm" radius="sm" component="form" onSubmit={submit} noValidate aria-label="Attach a source">
      <Stack gap="xs">
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={(v) => setMode(v as Mode)}
          data={[
            { value: 'new', label: 'New source' },
            { value: 'library', label: 'From the library' },
          ]}
        />
        {mode === 'library' ? (
          <>
            <TextInput label="Search the source library" placeholder="Title, publisher or address" value={q} onChange={(e) => setQ(e.currentTarget.value)} error={err('sourceId')} />
            <Stack gap={4} role="listbox" aria-label="Sources found">
              {library.data?.map((s) => (
                <Button
                  key={s.id}
                  variant={picked?.id === s.id ? 'filled' : 'default'}
                  size="xs"
                  justify="flex-start"
                  role="option"
                  aria-selected={picked?.id === s.id}
                  onClick={() => setPicked(s)}
                  styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}
                >
                  {s.title}
                  {s.publisher ? ` · ${s.publisher}` : ''}
                </Button>
              ))}
              {library.data?.length === 0 && (
                <Text size="xs" c="dimmed">
                  No sources match.
                </Text>
              )}
              <ErrorText error={library.error} />
            </Stack>
          </>
        ) : (
          <>
            <TextInput label="Address (URL)" placeholder="https://" value={fields.url} onChange={(e) => setFields({ ...fields, url: e.currentTarget.value })} error={err('source.url')} />
            <TextInput label="Title" required value={fields.title} onChange={(e) => setFields({ ...fields, title: e.currentTarget.value })} error={err('source.title')} />
            <TextInput label="Publisher" value={fields.publisher} onChange={(e) => setFields({ ...fields, publisher: e.currentTarget.value })} error={err('source.publisher')} />
          </>
        )}
        <Radio.Group label="Stance" required value={stance} onChange={(v) => setStance(v as Stance)} error={err('stance')}>
          <Group gap="md" mt={4}>
            {STANCES.map((s) => (
              <Radio key={s} value={s} label={STANCE_LABELS[s]} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label="Excerpt"
          description="The passage that supports or refutes the claim"
          autosize
          minRows={2}
          value={excerpt}
          onChange={(e) => setExcerpt(e.currentTarget.value)}
          error={err('excerpt')}
        />
        <Textarea label="Note" autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={err('note')} />
        {server && !server.body.details.length && <ErrorText error={server} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" size="xs" loading={attach.isPending}>
            Attach source
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
