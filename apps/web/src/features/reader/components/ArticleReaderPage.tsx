// The article reader: claims highlighted in place, hedge and attribution cues marked, keyboard triage, the claim panel.
import { Alert, Anchor, Badge, Box, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { availableActions, type ClaimDto, type DismissReason } from '@claimdesk/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorText } from '../../../lib/ErrorText';
import { formatDate } from '../../../lib/format';
import { ImportArticleDialog } from '../../articles/components/ImportArticleDialog';
import { useAuth } from '../../auth/AuthProvider';
import { claimsApi } from '../../claims/api/claimsApi';
import { ACTION_LABELS, claimTone, STATUS_LABELS, type ClaimTone } from '../../claims/claimStatus';
import { ClaimPanel } from '../../claims/components/ClaimPanel';
import { ConflictNotice } from '../../claims/components/ConflictNotice';
import { DismissDialog } from '../../claims/components/DismissDialog';
import { StatusBadge } from '../../claims/components/StatusBadge';
import { useArticleClaims } from '../../claims/hooks/useArticleClaims';
import { useClaimWrite } from '../../claims/hooks/useClaimWrite';
import { useRatings } from '../../settings/hooks/useWorkspaceData';
import { useReaderKeyboard } from '../hooks/useReaderKeyboard';
import '../reader.css';
import { articleQuery } from '../queries';
import { offsetFromDom, segmentText, type CueRange } from '../segments';
import { ArticleText, type ArticleTextController } from './ArticleText';
import { ClaimHoverCard } from './ClaimHoverCard';
import { ReaderLegend } from './ReaderLegend';
import { ShortcutsHelp } from './ShortcutsHelp';

const SAFE_ID = /^[A-Za-z0-9_-]+$/;

export default function ArticleReaderPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { me } = useAuth();
  const client = useQueryClient();
  const article = useQuery(articleQuery(id));
  const claimsQuery = useArticleClaims(id);
  const ratings = useRatings();
  const writer = useClaimWrite();
  const containerRef = useRef<HTMLDivElement>(null);
  const textController = useRef<ArticleTextController | null>(null);
  const [current, setCurrent] = useState<string | null>(params.get('claim'));
  const [openId, setOpenId] = useState<string | null>(params.get('claim'));
  const [dismissFor, setDismissFor] = useState<ClaimDto | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [reimport, setReimport] = useState(false);
  const [hover, setHover] = useState<{ id: string; rect: DOMRect; count: number } | null>(null);
  const [selection, setSelection] = useState<{ start: number; end: number; top: number; left: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const claims = claimsQuery.data;
  const text = article.data?.text ?? '';
  const byId = useMemo(() => new Map((claims ?? []).map((c) => [c.id, c])), [claims]);
  const placed = useMemo(
    () => (claims ?? []).filter((c) => !c.orphaned && c.start != null && c.end != null).sort((a, b) => a.start! - b.start! || a.end! - b.end!),
    [claims],
  );
  const orphans = useMemo(() => (claims ?? []).filter((c) => c.orphaned || c.start == null), [claims]);
  // Segments depend only on where claims and cues sit, not on their status: a status change re-colours, it does not re-cut.
  const rangesKey = useMemo(() => placed.map((c) => `${c.id}:${c.start}:${c.end}:${c.cues.map((q) => `${q.type}${q.start}-${q.end}`).join(',')}`).join('|'), [placed]);
  const segments = useMemo(() => {
    const cues: CueRange[] = placed.flatMap((c) => c.cues.map((q) => ({ type: q.type, start: q.start, end: q.end })));
    return segmentText(text.length, placed, cues);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, rangesKey]);
  // Kept as the same Map while no tone changes (the rating scale arriving, an edit elsewhere), so the text does not re-render.
  const tonesRef = useRef<ReadonlyMap<string, ClaimTone>>(new Map());
  const tones = useMemo(() => {
    const next = new Map<string, ClaimTone>(placed.map((c) => [c.id, claimTone(c.status, c.rating, ratings, c.checkWorthy)]));
    const prev = tonesRef.current;
    if (prev.size === next.size && [...next].every(([k, v]) => prev.get(k) === v)) return prev;
    tonesRef.current = next;
    return next;
  }, [placed, ratings]);
  // A claim opened from a link (?claim=): its paragraph gets its highlights in the first render.
  const [initialOffset] = useState(() => params.get('claim'));
  const initialStart = initialOffset ? byId.get(initialOffset)?.start : null;

  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice(null), 5000);
    return () => clearTimeout(t);
  }, [notice]);

  const focusClaim = useCallback(
    (claimId: string) => {
      setCurrent(claimId);
      textController.current?.reveal(claimId, byId.get(claimId)?.start, 'smooth');
    },
    [byId],
  );
  const openClaim = useCallback((claimId: string) => {
    setCurrent(claimId);
    setOpenId(claimId);
    setHover(null);
  }, []);
  useEffect(() => {
    // After the text reflows beside the panel, bring the open claim back into view.
    if (!openId || !SAFE_ID.test(openId)) return;
    const t = setTimeout(() => textController.current?.reveal(openId, byId.get(openId)?.start), 50);
    return () => clearTimeout(t);
  }, [openId, byId]);
  const onHover = useCallback((claimId: string | null, el: HTMLElement | null) => {
    setHover((h) => (claimId && el ? (h?.id === claimId ? h : { id: claimId, rect: el.getBoundingClientRect(), count: el.dataset.claims?.split(' ').length ?? 1 }) : null));
  }, []);
  const onSelectText = useCallback(() => {
    setTimeout(() => {
      const sel = window.getSelection();
      const root = containerRef.current;
      if (!sel || sel.isCollapsed || !root || sel.rangeCount === 0) return setSelection(null);
      const range = sel.getRangeAt(0);
      let start = offsetFromDom(range.startContainer, range.startOffset, root);
      let end = offsetFromDom(range.endContainer, range.endOffset, root);
      if (start == null || end == null || end <= start) return setSelection(null);
      const raw = text.slice(start, end);
      start += raw.length - raw.trimStart().length;
      end -= raw.length - raw.trimEnd().length;
      if (end <= start) return setSelection(null);
      const rect = range.getBoundingClientRect();
      setSelection({ start, end, top: Math.max(8, rect.top - 44), left: rect.left + rect.width / 2 - 50 });
    }, 0);
  }, [text]);

  const createClaim = useMutation({
    mutationFn: (s: { start: number; end: number }) => claimsApi.create({ revisionId: article.data!.revisionId, start: s.start, end: s.end }),
    onSuccess: (claim) => {
      client.setQueryData<ClaimDto[]>(['claims', 'article', id], (old) => (old ? [...old, claim] : [claim]));
      void client.invalidateQueries({ queryKey: ['claims'] });
      void client.invalidateQueries({ queryKey: ['articles'] });
      setSelection(null);
      window.getSelection()?.removeAllRanges();
      openClaim(claim.id);
    },
  });

  const role = me?.role ?? 'VIEWER';
  const target = () => (openId ? byId.get(openId) : current ? byId.get(current) : undefined);
  const step = (delta: 1 | -1) => {
    if (!placed.length) return;
    const index = placed.findIndex((c) => c.id === (openId ?? current));
    const next = index === -1 ? (delta === 1 ? 0 : placed.length - 1) : Math.min(placed.length - 1, Math.max(0, index + delta));
    focusClaim(placed[next].id);
    if (openId) setOpenId(placed[next].id);
  };
  const flag = (claim: ClaimDto | undefined) => {
    if (!claim) return setNotice('Choose a claim first: press j to go to the next one.');
    if (!availableActions(claim.status, role).includes('flag')) return setNotice(`This claim is ${STATUS_LABELS[claim.status]}; it cannot be flagged.`);
    void writer.run(claim, ACTION_LABELS.flag, (version) => claimsApi.transition(claim.id, { version, action: 'flag' })).then((r) => r && setNotice('Claim flagged.'));
  };
  const askDismiss = useCallback(
    (claim: ClaimDto | undefined) => {
      if (!claim) return setNotice('Choose a claim first: press j to go to the next one.');
      if (!availableActions(claim.status, role).includes('dismiss')) return setNotice(`This claim is ${STATUS_LABELS[claim.status]}; it cannot be dismissed.`);
      setDismissFor(claim);
    },
    [role],
  );
  const dismiss = (reason: DismissReason) => {
    const claim = dismissFor!;
    setDismissFor(null);
    void writer.run(claim, 'Dismiss', (version) => claimsApi.transition(claim.id, { version, action: 'dismiss', reason })).then((r) => r && setNotice('Claim dismissed.'));
  };
  const closePanel = useCallback(() => setOpenId(null), []);

  useReaderKeyboard(
    {
      next: () => step(1),
      previous: () => step(-1),
      flag: () => flag(target()),
      dismiss: () => askDismiss(target()),
      open: () => current && openClaim(current),
      close: () => (openId ? setOpenId(null) : setSelection(null)),
      help: () => setHelpOpen(true),
    },
    !helpOpen && !dismissFor && !reimport,
  );

  if (article.error) return <ErrorText error={article.error} title="This article could not be opened" />;
  const a = article.data;
  const focusCss = [current, openId]
    .filter((x): x is string => Boolean(x && SAFE_ID.test(x)))
    .map((x) => `.cd-article-text [data-claims~="${x}"]{box-shadow:0 0 0 2px #364fc7;}`)
    .join('');

  return (
    <Box>
      <style>{focusCss}</style>
      <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
        <Box style={{ minWidth: 0 }}>
          <Anchor component={Link} to="/articles" size="sm">
            ← Articles
          </Anchor>
          {a ? (
            <>
              <Title order={2} mt={4} style={{ overflowWrap: 'anywhere' }}>
                {a.title}
              </Title>
              <Text size="sm" c="dimmed">
                {[a.author, a.publishedAt ? formatDate(a.publishedAt) : null, `revision ${a.revision}`, `${a.claimTotal} claims, ${a.checked} of ${a.checkWorthy} check-worthy checked`].filter(Boolean).join(' · ')}
              </Text>
            </>
          ) : (
            <Skeleton h={36} w={400} mt={4} />
          )}
        </Box>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" size="xs" onClick={() => setHelpOpen(true)}>
            Shortcuts (?)
          </Button>
          {role !== 'VIEWER' && a && (
            <Button variant="default" size="xs" onClick={() => setReimport(true)}>
              Import new revision
            </Button>
          )}
          {a && (
            <Button component={Link} to={`/reports?article=${a.id}`} variant="light" size="xs">
              Report
            </Button>
          )}
        </Group>
      </Group>
      <Text role="status" aria-live="polite" size="sm" c="indigo.8" mih={20}>
        {notice ?? ''}
      </Text>
      <Group align="flex-start" gap="xl" wrap="nowrap">
        {/* With the panel open the text narrows beside it, so the claim being worked on stays readable. */}
        <Paper component="article" aria-label="Article text" withBorder p="xl" radius="md" style={{ flex: 1, maxWidth: openId ? 'calc(100vw - 200px - 560px - 56px)' : 780, minWidth: 320 }}>
          {a && claims ? (
            <ArticleText
              text={text}
              segments={segments}
              tones={tones}
              containerRef={containerRef}
              controllerRef={textController}
              initialOffset={initialStart}
              onClaimClick={openClaim}
              onClaimHover={onHover}
              onSelectText={onSelectText}
            />
          ) : claimsQuery.error ? (
            <ErrorText error={claimsQuery.error} title="The claims could not be loaded" />
          ) : (
            <Stack aria-label="Loading the article">
              <Skeleton h={18} />
              <Skeleton h={18} />
              <Skeleton h={18} w="70%" />
            </Stack>
          )}
        </Paper>
        <Stack component="aside" aria-label="About this article" w={280} gap="lg" style={{ flexShrink: 0, position: 'sticky', top: 70, display: openId ? 'none' : undefined }}>
          <Text size="xs" c="dimmed">
            Select any passage to add it as a claim. Press <b>?</b> for keyboard shortcuts.
          </Text>
          <ReaderLegend />
          <Stack gap={6} component="section" aria-label="Orphaned claims">
            <Text fw={600} size="sm">
              Orphaned claims {orphans.length > 0 && <Badge color="red" size="sm">{orphans.length}</Badge>}
            </Text>
            {orphans.length === 0 ? (
              <Text size="xs" c="dimmed">
                None: every claim is placed in this revision.
              </Text>
            ) : (
              <>
                <Text size="xs" c="dimmed">
                  These claims could not be found in the latest revision. Their work is kept.
                </Text>
                {orphans.map((c) => (
                  <Paper key={c.id} withBorder p={6} component="button" type="button" onClick={() => openClaim(c.id)} style={{ textAlign: 'left', cursor: 'pointer', background: 'white' }}>
                    <StatusBadge status={c.status} size="xs" />
                    <Text size="xs" mt={2} lineClamp={3}>
                      {c.text}
                    </Text>
                  </Paper>
                ))}
              </>
            )}
          </Stack>
        </Stack>
      </Group>
      {hover && byId.get(hover.id) && !openId && <ClaimHoverCard claim={byId.get(hover.id)!} rect={hover.rect} overlapping={hover.count} />}
      {selection && role !== 'VIEWER' && a && (
        <Box className="cd-selection-popup" style={{ top: selection.top, left: selection.left }}>
          <Button size="xs" onMouseDown={(e) => e.preventDefault()} onClick={() => createClaim.mutate(selection)} loading={createClaim.isPending} data-testid="new-claim">
            New claim
          </Button>
          {createClaim.error && (
            <Box mt={4} w={300}>
              <ErrorText error={createClaim.error} />
            </Box>
          )}
        </Box>
      )}
      <ClaimPanel claimId={openId} preview={openId ? byId.get(openId) : undefined} writer={writer} onClose={closePanel} onDismiss={askDismiss} />
      <DismissDialog opened={Boolean(dismissFor)} claimText={dismissFor?.text} onCancel={() => setDismissFor(null)} onConfirm={dismiss} />
      <ShortcutsHelp opened={helpOpen} onClose={() => setHelpOpen(false)} />
      {a && reimport && <ImportArticleDialog opened onClose={() => setReimport(false)} article={a} />}
      <ConflictNotice conflict={writer.conflict} onDismiss={writer.dismissConflict} />
      {writer.error && !openId && (
        <Alert color="red" role="alert" style={{ position: 'fixed', bottom: 24, left: 224, zIndex: 300, maxWidth: 480 }} withCloseButton onClose={writer.clearError} title={`${writer.error.label} failed`}>
          {writer.error.error instanceof Error ? writer.error.error.message : 'Something went wrong.'}
        </Alert>
      )}
    </Box>
  );
}
