// Every claim across articles: filters, sorting, bulk flag/dismiss, and a virtualised table that loads more as you scroll.
import { Alert, Anchor, Badge, Box, Button, Checkbox, Group, MultiSelect, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { CLAIM_KINDS, CLAIM_STATUSES, WRITERS, type ClaimDto, type DismissReason } from '@claimdesk/domain';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorText } from '../../../lib/ErrorText';
import { countOf, formatDate, formatScore } from '../../../lib/format';
import { articleQueries } from '../../articles';
import { hasRole, useAuth } from '../../auth';
import { useMembers, useRatings } from '../../settings';
import type { ClaimFilters } from '../api/claimsApi';
import { claimQueries } from '../api/claimQueries';
import { useBulkClaimAction } from '../hooks/useClaimMutations';
import { KIND_LABELS, PRIORITY_LABELS, ratingLabel, STATUS_LABELS } from '../../../lib/claimStatus';
import { DismissDialog } from './DismissDialog';
import { SortHeader } from './SortHeader';
import { lastDay, parseFilterParams, toFilterParams, type ClaimFilterState, type Sort } from '../filters/claimFilterParams';
import { StatusBadge } from '../../../lib/StatusBadge';

const ROW_HEIGHT = 60;
const COLUMNS = '32px minmax(260px, 1fr) 150px 104px 92px 52px 68px 124px 96px';
const tri = (v: string): boolean | undefined => (v === 'yes' ? true : v === 'no' ? false : undefined);

/** An ISO instant as the value of a datetime-local input (the reader's local time, to the minute), and back. */
const toLocalInput = (iso: string) => {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const fromLocalInput = (value: string) => (value && !Number.isNaN(new Date(value).getTime()) ? new Date(value).toISOString() : '');

export default function ClaimsPage() {
  const { me } = useAuth();
  const ratings = useRatings();
  const members = useMembers();
  const articles = useQuery(articleQueries.list());
  // The filters live in the address: a filtered table can be shared, and Back returns to it as it was.
  const [params, setParams] = useSearchParams();
  const current = parseFilterParams(params);
  const { status, kind, hedged, attributed, checkedBefore, assigneeId, rating, checkWorthy, fromFeedsSince, sort, order } = current;
  const update = (changes: Partial<ClaimFilterState>, replace = false) => setParams(toFilterParams({ ...parseFilterParams(params), ...changes }), { replace });
  const setStatus = (v: string[]) => update({ status: v });
  const setKind = (v: string[]) => update({ kind: v });
  const setHedged = (v: string) => update({ hedged: v as ClaimFilterState['hedged'] });
  const setAttributed = (v: string) => update({ attributed: v as ClaimFilterState['attributed'] });
  const setCheckedBefore = (v: string) => update({ checkedBefore: v as ClaimFilterState['checkedBefore'] });
  const setAssigneeId = (v: string) => update({ assigneeId: v });
  const setRating = (v: string) => update({ rating: v });
  const setCheckWorthy = (v: string) => update({ checkWorthy: v as ClaimFilterState['checkWorthy'] });
  // The morning triage: switched on, the feed filter starts a day back; the time can then be moved.
  const setFromFeeds = (on: boolean) => update({ fromFeedsSince: on ? lastDay() : '' });
  const setFromFeedsSince = (value: string) => {
    const since = fromLocalInput(value);
    if (since) update({ fromFeedsSince: since }, true);
  };
  const [q, setQ] = useState(current.q);
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const writtenQ = useRef(current.q);
  useEffect(() => {
    // Typing replaces the address entry rather than adding one per pause.
    if (debouncedQ === writtenQ.current) return;
    writtenQ.current = debouncedQ;
    update({ q: debouncedQ }, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedQ]);
  useEffect(() => {
    // Back or a shared link changed the search: the box follows the address.
    if (current.q === writtenQ.current) return;
    writtenQ.current = current.q;
    setQ(current.q);
  }, [current.q]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dismissing, setDismissing] = useState(false);
  const filters: ClaimFilters = {
    q: current.q || undefined,
    status,
    kind,
    hedged: tri(hedged),
    attributed: tri(attributed),
    checkedBefore: tri(checkedBefore),
    assigneeId: assigneeId || undefined,
    rating: rating || undefined,
    checkWorthy: tri(checkWorthy),
    fromFeedsSince: fromFeedsSince || undefined,
    sort,
    order,
  };

  const list = useInfiniteQuery(claimQueries.list(filters));
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const titles = useMemo(() => new Map((articles.data ?? []).map((a) => [a.id, a.title])), [articles.data]);
  const names = useMemo(() => new Map((members.data ?? []).map((m) => [m.userId, m.name])), [members.data]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : -1;
  useEffect(() => {
    if (lastIndex >= rows.length - 30 && list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  }, [lastIndex, rows.length, list]);
  useEffect(() => setSelected(new Set()), [params]);

  const bulk = useBulkClaimAction();
  const runBulk = (body: { action: 'flag' | 'dismiss'; reason?: DismissReason }) => bulk.mutate({ ...body, claimIds: [...selected] }, { onSuccess: () => setSelected(new Set()) });
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const allSelected = rows.length > 0 && selected.size === rows.length;
  const sortBy = (s: Sort) => {
    if (s === sort) update({ order: order === 'asc' ? 'desc' : 'asc' });
    else update({ sort: s, order: 'desc' });
  };
  const canWrite = hasRole(me, WRITERS);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>Claims</Title>
        <Text size="sm" c="dimmed" role="status">
          {list.isLoading ? 'Loading…' : countOf(rows.length, 'claim', { more: list.hasNextPage })}
        </Text>
      </Group>
      <Paper withBorder p="sm" radius="md" component="form" role="search" aria-label="Filter claims" onSubmit={(e) => e.preventDefault()}>
        <Group gap="xs" align="flex-end">
          <TextInput label="Text" placeholder="Claims, articles, sources, verdicts" value={q} onChange={(e) => setQ(e.currentTarget.value)} w={190} />
          <MultiSelect
            label="Status"
            placeholder={status.length ? undefined : 'Any'}
            data={CLAIM_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            value={status}
            onChange={setStatus}
            w={190}
            clearable
          />
          <MultiSelect
            label="Kind"
            placeholder={kind.length ? undefined : 'Any'}
            data={CLAIM_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
            value={kind}
            onChange={setKind}
            w={170}
            clearable
          />
          <NativeSelect
            label="Hedged"
            value={hedged}
            onChange={(e) => setHedged(e.currentTarget.value)}
            data={[
              { value: '', label: 'Any' },
              { value: 'yes', label: 'Hedged' },
              { value: 'no', label: 'Not hedged' },
            ]}
            w={115}
          />
          <NativeSelect
            label="Attributed"
            value={attributed}
            onChange={(e) => setAttributed(e.currentTarget.value)}
            data={[
              { value: '', label: 'Any' },
              { value: 'yes', label: 'Attributed' },
              { value: 'no', label: 'Not attributed' },
            ]}
            w={125}
          />
          <NativeSelect
            label="Checked before"
            value={checkedBefore}
            onChange={(e) => setCheckedBefore(e.currentTarget.value)}
            data={[
              { value: '', label: 'Any' },
              { value: 'yes', label: 'Checked before' },
              { value: 'no', label: 'Not checked before' },
            ]}
            w={150}
          />
          <NativeSelect
            label="Assignee"
            value={assigneeId}
            onChange={(e) => setAssigneeId(e.currentTarget.value)}
            data={[{ value: '', label: 'Anyone' }, { value: 'me', label: 'Me' }, { value: 'none', label: 'Unassigned' }, ...(members.data ?? []).map((m) => ({ value: m.userId, label: m.name }))]}
            w={140}
          />
          <NativeSelect
            label="Rating"
            value={rating}
            onChange={(e) => setRating(e.currentTarget.value)}
            data={[{ value: '', label: 'Any' }, ...ratings.map((r) => ({ value: r.key, label: r.label }))]}
            w={120}
          />
          <NativeSelect
            label="Check-worthy"
            value={checkWorthy}
            onChange={(e) => setCheckWorthy(e.currentTarget.value)}
            data={[
              { value: '', label: 'Any' },
              { value: 'yes', label: 'Check-worthy' },
              { value: 'no', label: 'Not check-worthy' },
            ]}
            w={160}
          />
          <Stack gap={4}>
            <Checkbox label="From feeds since" size="xs" fw={500} checked={Boolean(fromFeedsSince)} onChange={(e) => setFromFeeds(e.currentTarget.checked)} />
            <TextInput
              type="datetime-local"
              aria-label="From feeds since (date and time)"
              value={toLocalInput(fromFeedsSince)}
              onChange={(e) => setFromFeedsSince(e.currentTarget.value)}
              disabled={!fromFeedsSince}
              w={230}
            />
          </Stack>
        </Group>
      </Paper>
      {canWrite && selected.size > 0 && (
        <Group gap="xs" role="region" aria-label="Bulk actions">
          <Text size="sm" fw={600}>
            {selected.size} selected
          </Text>
          <Button size="xs" color="orange" loading={bulk.isPending && bulk.variables?.action === 'flag'} onClick={() => runBulk({ action: 'flag' })}>
            Flag
          </Button>
          <Button size="xs" variant="default" onClick={() => setDismissing(true)}>
            Dismiss…
          </Button>
          <Button size="xs" variant="subtle" onClick={() => setSelected(new Set())}>
            Clear selection
          </Button>
        </Group>
      )}
      {bulk.data && (
        <Alert color={bulk.data.skipped.length ? 'yellow' : 'teal'} withCloseButton onClose={() => bulk.reset()} p="xs">
          {bulk.data.updated.length} updated.
          {bulk.data.skipped.length > 0 && ` ${bulk.data.skipped.length} skipped: ${[...new Set(bulk.data.skipped.map((s) => s.reason))].join('; ')}.`}
        </Alert>
      )}
      <ErrorText error={bulk.error} />
      <ErrorText error={list.error} />
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <Box role="table" aria-label="Claims" aria-rowcount={rows.length + 1} style={{ overflowX: 'auto' }}>
          <Box role="rowgroup">
            <Box
              role="row"
              aria-rowindex={1}
              style={{
                display: 'grid',
                gridTemplateColumns: COLUMNS,
                gap: 8,
                padding: '8px 12px',
                borderBottom: '1px solid var(--mantine-color-gray-3)',
                background: 'var(--mantine-color-gray-0)',
                alignItems: 'center',
              }}
            >
              <div role="columnheader">
                <Checkbox
                  aria-label="Select all loaded claims"
                  checked={allSelected}
                  indeterminate={selected.size > 0 && !allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))}
                  disabled={!canWrite}
                />
              </div>
              <SortHeader column="position" label="Claim" sort={sort} order={order} onSort={sortBy} />
              <div role="columnheader">
                <Text fw={600} fz="sm">
                  Article
                </Text>
              </div>
              <div role="columnheader">
                <Text fw={600} fz="sm">
                  Status
                </Text>
              </div>
              <div role="columnheader">
                <Text fw={600} fz="sm">
                  Kind
                </Text>
              </div>
              <SortHeader column="score" label="Score" sort={sort} order={order} onSort={sortBy} />
              <SortHeader column="priority" label="Priority" sort={sort} order={order} onSort={sortBy} />
              <div role="columnheader">
                <Text fw={600} fz="sm">
                  Assignee · rating
                </Text>
              </div>
              <SortHeader column="updated" label="Updated" sort={sort} order={order} onSort={sortBy} />
            </Box>
          </Box>
          <Box ref={scrollRef} role="rowgroup" style={{ height: 'calc(100vh - 330px)', minHeight: 300, overflowY: 'auto', position: 'relative' }} data-testid="claims-scroll">
            {!list.isLoading && rows.length === 0 && !list.error && (
              <Text c="dimmed" ta="center" p="xl">
                No claims match these filters.
              </Text>
            )}
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const c: ClaimDto = rows[item.index];
                return (
                  <Box
                    key={c.id}
                    role="row"
                    aria-rowindex={item.index + 2}
                    aria-selected={selected.has(c.id)}
                    style={{
                      position: 'absolute',
                      top: 0,
                      left: 0,
                      right: 0,
                      height: ROW_HEIGHT,
                      transform: `translateY(${item.start}px)`,
                      display: 'grid',
                      gridTemplateColumns: COLUMNS,
                      gap: 8,
                      padding: '6px 12px',
                      alignItems: 'center',
                      borderBottom: '1px solid var(--mantine-color-gray-2)',
                      background: selected.has(c.id) ? 'var(--mantine-color-indigo-0)' : undefined,
                    }}
                  >
                    <div role="cell">
                      <Checkbox aria-label={`Select claim: ${c.text.slice(0, 60)}`} checked={selected.has(c.id)} onChange={() => toggle(c.id)} disabled={!canWrite} />
                    </div>
                    <div role="cell" style={{ minWidth: 0 }}>
                      <Anchor component={Link} to={`/articles/${c.articleId}?claim=${c.id}`} size="sm" c="dark" lineClamp={2} style={{ lineHeight: 1.35 }}>
                        {c.text}
                      </Anchor>
                    </div>
                    <div role="cell" style={{ minWidth: 0 }}>
                      <Text size="xs" c="dimmed" truncate>
                        {titles.get(c.articleId) ?? '—'}
                      </Text>
                    </div>
                    <div role="cell">
                      <StatusBadge status={c.status} size="xs" />
                    </div>
                    <div role="cell">
                      <Text size="xs">{KIND_LABELS[c.kind]}</Text>
                      <Group gap={2}>
                        {c.hedged && (
                          <Badge size="xs" variant="outline" color="orange" tt="none">
                            hedged
                          </Badge>
                        )}
                        {c.attributed && (
                          <Badge size="xs" variant="outline" color="blue" tt="none">
                            attrib.
                          </Badge>
                        )}
                        {c.checkedBefore && (
                          <Badge size="xs" variant="filled" color="teal" tt="none" title="Checked before: a library entry matches it">
                            checked
                          </Badge>
                        )}
                      </Group>
                    </div>
                    <div role="cell">
                      <Text size="sm">{formatScore(c.score)}</Text>
                    </div>
                    <div role="cell">
                      <Text size="xs">{c.priority ? PRIORITY_LABELS[c.priority] : '—'}</Text>
                    </div>
                    <div role="cell" style={{ minWidth: 0 }}>
                      <Text size="xs" truncate>
                        {c.assigneeId ? (names.get(c.assigneeId) ?? 'Someone') : 'Unassigned'}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {c.rating ? ratingLabel(ratings, c.rating) : 'no verdict'}
                      </Text>
                    </div>
                    <div role="cell">
                      <Text size="xs">{formatDate(c.updatedAt)}</Text>
                    </div>
                  </Box>
                );
              })}
            </div>
            {list.isFetchingNextPage && (
              <Text size="xs" c="dimmed" ta="center" p="xs">
                Loading more claims…
              </Text>
            )}
          </Box>
        </Box>
      </Paper>
      <DismissDialog
        opened={dismissing}
        count={selected.size}
        onCancel={() => setDismissing(false)}
        onConfirm={(reason) => {
          setDismissing(false);
          runBulk({ action: 'dismiss', reason });
        }}
      />
    </Stack>
  );
}
