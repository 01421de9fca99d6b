// The article reader: claims highlighted in place, hedge and attribution cues marked, keyboard triage, the claim panel.
// A composition of the reader's pieces: highlights, text selection, the keyboard action table and claim actions.
import { Alert, Box, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { WRITERS } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ErrorText } from '../../../lib/ErrorText';
import { articleQueries, loadImportArticleDialog } from '../../articles';
import { hasRole, useAuth } from '../../auth';
import { claimQueries, ConflictNotice, loadClaimPanel, loadDismissDialog, useClaimWriter } from '../../claims';
import { useRatings } from '../../settings';
import { useClaimHighlights } from '../hooks/useClaimHighlights';
import { useReaderClaimActions } from '../hooks/useReaderClaimActions';
import { useTextSelection } from '../hooks/useTextSelection';
import { useReaderKeyboard } from '../keyboard/useReaderKeyboard';
import '../reader.css';
import { ArticleText, type ArticleTextController } from './ArticleText';
import { ClaimHoverCard } from './ClaimHoverCard';
import { ReaderAside } from './ReaderAside';
import { ReaderHeader } from './ReaderHeader';
import { ReaderViewSwitch } from './ReaderViewSwitch';
import { SelectionPopup } from './SelectionPopup';
import { claimToSplit } from '../split';
import { triageOrder } from '../triage';

const SAFE_ID = /^[A-Za-z0-9_-]+$/;

// The claim panel and the re-import dialog (their forms, schemas and zod) are not needed for the first screen: they load
// in idle time after the text is shown, so opening a claim later finds them ready.
const ClaimPanel = lazy(() => loadClaimPanel().then((m) => ({ default: m.ClaimPanel })));
const ImportArticleDialog = lazy(() => loadImportArticleDialog().then((m) => ({ default: m.ImportArticleDialog })));
// Dialogs the first screen does not show (dismissing a claim, the shortcuts list) load with them, or when first opened.
const DismissDialog = lazy(() => loadDismissDialog().then((m) => ({ default: m.DismissDialog })));
const loadShortcutsHelp = () => import('./ShortcutsHelp');
const ShortcutsHelp = lazy(() => loadShortcutsHelp().then((m) => ({ default: m.ShortcutsHelp })));
const whenIdle = (fn: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 500 }) : setTimeout(fn, 200));

export default function ArticleReaderPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  // "Check-worthy only": only check-worthy claims are highlighted, and j/k walk them in triage order.
  const checkWorthyOnly = params.get('view') === 'check-worthy';
  const { me } = useAuth();
  const role = me?.role ?? 'VIEWER';
  const canWrite = hasRole(me, WRITERS);
  const article = useQuery(articleQueries.detail(id));
  const claimsQuery = useQuery(claimQueries.ofArticle(id));
  const ratings = useRatings();
  const writer = useClaimWriter();
  const containerRef = useRef<HTMLDivElement>(null);
  const textController = useRef<ArticleTextController | null>(null);
  const [current, setCurrent] = useState<string | null>(params.get('claim'));
  const [openId, setOpenId] = useState<string | null>(params.get('claim'));
  const [helpOpen, setHelpOpen] = useState(false);
  const [reimport, setReimport] = useState(false);
  const [hover, setHover] = useState<{ id: string; rect: DOMRect; count: number } | null>(null);

  const claims = claimsQuery.data;
  const shown = useMemo(() => (checkWorthyOnly && claims ? claims.filter((c) => c.checkWorthy) : claims), [claims, checkWorthyOnly]);
  const text = article.data?.text ?? '';
  const { byId, placed, orphans, segments, tones } = useClaimHighlights(text, shown, ratings);
  const walk = useMemo(() => (checkWorthyOnly ? triageOrder(placed) : placed), [placed, checkWorthyOnly]);
  const setView = (view: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (view === 'check-worthy') next.set('view', 'check-worthy');
        else next.delete('view');
        return next;
      },
      { replace: true },
    );
  const { selection, onSelectText, clearSelection } = useTextSelection(containerRef, text);
  const claimActions = useReaderClaimActions(writer, role);
  // A claim opened from a link (?claim=): its paragraph gets its highlights in the first render.
  const [initialClaim] = useState(() => params.get('claim'));
  const initialStart = initialClaim ? byId.get(initialClaim)?.start : null;

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
    // A pointer on a claim is the sign a click may follow: make sure the panel's code is on its way.
    if (claimId) void loadClaimPanel();
    setHover((h) => (claimId && el ? (h?.id === claimId ? h : { id: claimId, rect: el.getBoundingClientRect(), count: el.dataset.claims?.split(' ').length ?? 1 }) : null));
  }, []);
  const closePanel = useCallback(() => setOpenId(null), []);
  const ready = Boolean(article.data && claims);
  const [panelLoaded, setPanelLoaded] = useState(false);
  useEffect(() => {
    if (!ready) return;
    whenIdle(() => void Promise.all([loadClaimPanel(), loadImportArticleDialog(), loadDismissDialog(), loadShortcutsHelp()]).then(() => setPanelLoaded(true)));
  }, [ready]);

  useReaderKeyboard(
    {
      placed: walk,
      currentId: current,
      openId,
      target: openId ? byId.get(openId) : current ? byId.get(current) : undefined,
      focus: focusClaim,
      open: openClaim,
      closePanel,
      clearSelection,
      showHelp: () => setHelpOpen(true),
      flag: claimActions.flag,
      askDismiss: claimActions.askDismiss,
    },
    !helpOpen && !claimActions.dismissing && !reimport,
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
      <ReaderHeader article={a} claims={claims} canImport={canWrite} onHelp={() => setHelpOpen(true)} onReimport={() => setReimport(true)} />
      <Group gap="sm" mb={4}>
        <ReaderViewSwitch value={checkWorthyOnly ? 'check-worthy' : 'all'} onChange={setView} />
        {checkWorthyOnly && (
          <Text size="xs" c="dimmed">
            j / k walk the check-worthy claims in triage order: hedged or anonymously sourced first, then numbers and dates, then the rest.
          </Text>
        )}
      </Group>
      <Text role="status" aria-live="polite" size="sm" c="indigo.8" mih={20}>
        {claimActions.notice ?? ''}
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
        <ReaderAside orphans={orphans} hidden={Boolean(openId)} onOpen={openClaim} />
      </Group>
      {hover && byId.get(hover.id) && !openId && <ClaimHoverCard claim={byId.get(hover.id)!} rect={hover.rect} overlapping={hover.count} />}
      {selection && canWrite && a && (
        <SelectionPopup
          articleId={a.id}
          revisionId={a.revisionId}
          selection={selection}
          parent={claimToSplit(claims, selection)}
          onCreated={(claimId) => {
            clearSelection();
            openClaim(claimId);
          }}
        />
      )}
      {(openId || panelLoaded) && (
        <Suspense fallback={null}>
          <ClaimPanel claimId={openId} preview={openId ? byId.get(openId) : undefined} writer={writer} onClose={closePanel} onDismiss={claimActions.askDismiss} />
        </Suspense>
      )}
      {(panelLoaded || claimActions.dismissing || helpOpen) && (
        <Suspense fallback={null}>
          <DismissDialog opened={Boolean(claimActions.dismissing)} claimText={claimActions.dismissing?.text} onCancel={claimActions.cancelDismiss} onConfirm={claimActions.confirmDismiss} />
          <ShortcutsHelp opened={helpOpen} onClose={() => setHelpOpen(false)} />
        </Suspense>
      )}
      {a && reimport && (
        <Suspense fallback={null}>
          <ImportArticleDialog opened onClose={() => setReimport(false)} article={a} currentText={a.text} />
        </Suspense>
      )}
      <ConflictNotice conflict={writer.conflict} onDismiss={writer.dismissConflict} />
      {writer.error && !openId && (
        <Alert
          color="red"
          role="alert"
          style={{ position: 'fixed', bottom: 24, left: 224, zIndex: 300, maxWidth: 480 }}
          withCloseButton
          onClose={writer.clearError}
          title={`${writer.error.label} failed`}
        >
          {writer.error.error instanceof Error ? writer.error.error.message : 'Something went wrong.'}
        </Alert>
      )}
    </Box>
  );
}
