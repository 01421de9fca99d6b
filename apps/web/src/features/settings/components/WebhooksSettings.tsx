// Webhooks (admins): endpoints that hear about claims flagged, verdicts proposed and decided, reports published; the
// signing secret is shown once; each endpoint's deliveries with every attempt, and re-sending.
import { Alert, Badge, Button, Checkbox, Code, Group, Paper, SegmentedControl, Skeleton, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { createWebhookSchema, WEBHOOK_EVENTS, type WebhookDeliveryDto, type WebhookEndpointDto, type WebhookEvent, type WebhookFormat } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/client';
import { ErrorText } from '../../../lib/ErrorText';
import { formatDate, formatDateTime } from '../../../lib/format';
import { settingsQueries } from '../api/settingsQueries';
import { useAddWebhook, useRedeliver, useRemoveWebhook, useSetWebhookActive } from '../hooks/useSettingsMutations';
import { ShownOnce } from './ShownOnce';

const EVENT_LABELS: Record<WebhookEvent, string> = {
  'claim.flagged': 'Claim flagged',
  'verdict.proposed': 'Verdict proposed',
  'verdict.approved': 'Verdict approved',
  'verdict.changes_requested': 'Verdict sent back',
  'report.published': 'Report published',
};

const STATUS_COLOR: Record<WebhookDeliveryDto['status'], string> = { pending: 'yellow', delivered: 'teal', failed: 'red' };

function Deliveries({ endpoint }: { endpoint: WebhookEndpointDto }) {
  const deliveries = useQuery(settingsQueries.deliveries(endpoint.id));
  const redeliver = useRedeliver();
  if (deliveries.isLoading) return <Skeleton h={40} />;
  return (
    <Stack gap={4}>
      <ErrorText error={deliveries.error ?? redeliver.error} />
      {deliveries.data?.length === 0 && (
        <Text size="xs" c="dimmed">
          Nothing sent yet.
        </Text>
      )}
      {deliveries.data?.map((d) => (
        <Group key={d.id} gap="xs" wrap="nowrap" align="flex-start" role="group" aria-label={`Delivery of ${d.event}`}>
          <Badge size="sm" color={STATUS_COLOR[d.status]} miw={90}>
            {d.status}
          </Badge>
          <Text size="xs" w={160}>
            {d.event}
          </Text>
          <Text size="xs" c="dimmed" w={150}>
            {formatDateTime(d.createdAt)}
          </Text>
          <Text size="xs" style={{ flex: 1 }}>
            {d.attempts.length === 0 ? 'not tried yet' : d.attempts.map((a) => `${a.statusCode ?? a.error ?? '—'} in ${a.responseMs} ms`).join(' · ')}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => redeliver.mutate({ webhookId: endpoint.id, deliveryId: d.id }, { onSuccess: () => void deliveries.refetch() })}
            disabled={!endpoint.active}
            aria-label={`Re-send the ${d.event} delivery`}
          >
            Re-send
          </Button>
        </Group>
      ))}
    </Stack>
  );
}

export function WebhooksSettings() {
  const webhooks = useQuery(settingsQueries.webhooks());
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['verdict.approved', 'report.published']);
  const [format, setFormat] = useState<WebhookFormat>('json');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [shown, setShown] = useState<string | null>(null);
  const add = useAddWebhook();
  const setActive = useSetWebhookActive();
  const remove = useRemoveWebhook();
  const server = add.error instanceof ApiError ? add.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = createWebhookSchema.safeParse({ url: url.trim(), events, format });
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const i of parsed.error.issues) found[String(i.path[0])] ??= i.message;
      return setErrors(found);
    }
    setErrors({});
    add.mutate({ url: parsed.data.url, events: parsed.data.events, format: parsed.data.format }, { onSuccess: () => setUrl('') });
  };

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        ClaimDesk posts a signed JSON message (or a Slack message) to each endpoint when one of its events happens, and tries again with growing pauses when the endpoint does not answer 2xx. Check the{' '}
        <Code>ClaimDesk-Signature</Code> header with the endpoint&apos;s secret.
      </Text>
      {add.data && (
        <Alert color="teal" title="Endpoint added" withCloseButton closeButtonLabel="Dismiss" onClose={() => add.reset()}>
          <Text size="sm">Copy its signing secret now: it is shown only once.</Text>
          <ShownOnce value={add.data.secret} testId="new-webhook-secret" />
        </Alert>
      )}
      {webhooks.isLoading && <Skeleton h={80} />}
      <ErrorText error={webhooks.error ?? setActive.error ?? remove.error} />
      {webhooks.data && (
        <Paper withBorder radius="md">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Endpoint</Table.Th>
                <Table.Th>Events</Table.Th>
                <Table.Th>Format</Table.Th>
                <Table.Th>Active</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {webhooks.data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text size="sm" c="dimmed">
                      No endpoints yet.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {webhooks.data.flatMap((w) => [
                <Table.Tr key={w.id}>
                  <Table.Td maw={320}>
                    <Text size="sm" style={{ wordBreak: 'break-all' }}>
                      {w.url}
                    </Text>
                    <Text size="xs" c="dimmed">
                      since {formatDate(w.createdAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {w.events.map((e) => (
                        <Badge key={e} size="sm" variant="light">
                          {EVENT_LABELS[e]}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{w.format === 'slack' ? 'Slack' : 'JSON'}</Table.Td>
                  <Table.Td>
                    <Switch checked={w.active} onChange={(e) => setActive.mutate({ webhookId: w.id, active: e.currentTarget.checked })} aria-label={`Send to ${w.url}`} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => setShown(shown === w.id ? null : w.id)} aria-expanded={shown === w.id}>
                        Deliveries
                      </Button>
                      <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(w.id)} aria-label={`Remove ${w.url}`}>
                        Remove
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>,
                shown === w.id && (
                  <Table.Tr key={`${w.id}-deliveries`}>
                    <Table.Td colSpan={5} bg="gray.0">
                      <Deliveries endpoint={w} />
                    </Table.Td>
                  </Table.Tr>
                ),
              ])}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate aria-label="Add a webhook endpoint">
        <Text fw={600} mb="xs">
          Add an endpoint
        </Text>
        <Stack gap="sm">
          <TextInput label="HTTPS address" placeholder="https://" value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={errors.url ?? server?.fieldError('url')} maw={520} />
          <Checkbox.Group label="Events" value={events} onChange={(v) => setEvents(v as WebhookEvent[])} error={errors.events ?? server?.fieldError('events')}>
            <Group mt={8}>
              {WEBHOOK_EVENTS.map((e) => (
                <Checkbox key={e} value={e} label={EVENT_LABELS[e]} />
              ))}
            </Group>
          </Checkbox.Group>
          <div>
            <Text size="sm" fw={500} mb={4}>
              Format
            </Text>
            <SegmentedControl
              value={format}
              onChange={(v) => setFormat(v as WebhookFormat)}
              data={[
                { value: 'json', label: 'JSON' },
                { value: 'slack', label: 'Slack message' },
              ]}
              aria-label="Format"
            />
          </div>
        </Stack>
        {server && !server.body.details.length && <ErrorText error={server} />}
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={add.isPending}>
            Add endpoint
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
