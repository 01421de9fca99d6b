// The RSS and Atom feeds the desk watches: last poll, items imported, last error; editors and admins add, pause, poll now and remove.
import { Badge, Button, Group, NumberInput, Paper, Skeleton, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { createFeedSchema, REVIEWERS, type FeedPollDto } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/client';
import { ErrorText } from '../../../lib/ErrorText';
import { formatDateTime, formatInterval } from '../../../lib/format';
import { hasRole, useAuth } from '../../auth';
import { notificationQueries, useWatchFeed } from '../../notifications';
import { settingsQueries } from '../api/settingsQueries';
import { useAddFeed, usePauseFeed, usePollFeed, useRemoveFeed } from '../hooks/useSettingsMutations';

function pollSummary(r: FeedPollDto): string {
  if (r.outcome === 'not-modified') return 'Not modified since the last poll.';
  if (r.outcome === 'failed') return `The poll failed: ${r.error}`;
  const worthy = r.checkWorthy.claims ? ` ${r.checkWorthy.claims} new check-worthy claim${r.checkWorthy.claims === 1 ? '' : 's'}.` : '';
  return `${r.imported} new, ${r.revised} updated, ${r.skipped} already seen.${worthy}${r.error ? ` ${r.error}` : ''}`;
}

export function FeedsSettings() {
  const { me } = useAuth();
  const canManage = hasRole(me, REVIEWERS);
  const feeds = useQuery(settingsQueries.feeds());
  const [url, setUrl] = useState('');
  const [interval, setPollInterval] = useState<number | ''>(60);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [polled, setPolled] = useState<Record<string, string>>({});
  const add = useAddFeed();
  const pause = usePauseFeed();
  const poll = usePollFeed();
  const remove = useRemoveFeed();
  const watched = useQuery(notificationQueries.watchedFeeds());
  const watch = useWatchFeed();
  const watching = new Set((watched.data ?? []).filter((w) => w.watching).map((w) => w.feedId));
  const server = add.error instanceof ApiError ? add.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = createFeedSchema.safeParse({ url: url.trim(), intervalMinutes: interval === '' ? undefined : interval });
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const i of parsed.error.issues) found[String(i.path[0])] ??= i.message;
      return setErrors(found);
    }
    setErrors({});
    add.mutate(parsed.data, { onSuccess: () => setUrl('') });
  };
  const pollNow = (feedId: string) => {
    setPolled((p) => ({ ...p, [feedId]: 'Polling…' }));
    poll.mutate(feedId, {
      onSuccess: (r) => setPolled((p) => ({ ...p, [feedId]: pollSummary(r) })),
      onError: (error) => setPolled((p) => ({ ...p, [feedId]: error.message })),
    });
  };

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        New items of these feeds are imported as articles at each feed&apos;s interval; their check-worthy claims show on the dashboard and under “From feeds” in the claims table. Watch a feed to be
        notified when a poll brings in check-worthy claims.
      </Text>
      {feeds.isLoading && <Skeleton h={80} />}
      <ErrorText error={feeds.error} />
      {feeds.data && (
        <Paper withBorder radius="md">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Feed</Table.Th>
                <Table.Th>Every</Table.Th>
                <Table.Th>Last poll</Table.Th>
                <Table.Th>Items imported</Table.Th>
                <Table.Th>Last error</Table.Th>
                <Table.Th>Watch</Table.Th>
                {canManage && <Table.Th aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {feeds.data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text size="sm" c="dimmed">
                      No feeds yet.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {feeds.data.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td maw={360}>
                    <Text size="sm" fw={500}>
                      {f.title ?? f.url}
                    </Text>
                    {f.title && (
                      <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                        {f.url}
                      </Text>
                    )}
                    {polled[f.id] && (
                      <Text size="xs" c="teal.8" role="status">
                        {polled[f.id]}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{f.paused ? <Badge color="gray">Paused</Badge> : formatInterval(f.intervalMinutes)}</Table.Td>
                  <Table.Td>{f.lastPolledAt ? formatDateTime(f.lastPolledAt) : 'never'}</Table.Td>
                  <Table.Td>{f.itemsImported}</Table.Td>
                  <Table.Td maw={280}>
                    {f.lastError ? (
                      <Text size="xs" c="red.8">
                        {f.lastError}
                      </Text>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      size="sm"
                      checked={watch.isPending && watch.variables.feedId === f.id ? watch.variables.watching : watching.has(f.id)}
                      disabled={watched.isLoading}
                      onChange={(e) => watch.mutate({ feedId: f.id, watching: e.currentTarget.checked })}
                      aria-label={`Watch ${f.title ?? f.url}: be notified when a poll brings in check-worthy claims`}
                    />
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="xs" variant="light" onClick={() => pollNow(f.id)} loading={poll.isPending && poll.variables === f.id} aria-label={`Poll ${f.title ?? f.url} now`}>
                          Poll now
                        </Button>
                        <Button size="xs" variant="subtle" onClick={() => pause.mutate({ feedId: f.id, version: f.version, paused: !f.paused })}>
                          {f.paused ? 'Resume' : 'Pause'}
                        </Button>
                        <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(f.id)} aria-label={`Remove ${f.title ?? f.url}`}>
                          Remove
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <ErrorText error={pause.error ?? remove.error ?? watch.error} />
      {canManage && (
        <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate aria-label="Add a feed">
          <Text fw={600} mb="xs">
            Add a feed
          </Text>
          <Group align="flex-start" gap="md">
            <TextInput label="RSS or Atom address" placeholder="https://" value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={errors.url ?? server?.fieldError('url')} w={420} />
            <NumberInput
              label="Poll every (minutes)"
              value={interval}
              onChange={(v) => setPollInterval(v === '' ? '' : Number(v))}
              min={5}
              max={10080}
              w={180}
              error={errors.intervalMinutes ?? server?.fieldError('intervalMinutes')}
            />
          </Group>
          {server && !server.body.details.length && <ErrorText error={server} />}
          <Group justify="flex-end" mt="sm">
            <Button type="submit" loading={add.isPending}>
              Add feed
            </Button>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
