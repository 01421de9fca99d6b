// The article as plain React text, cut into runs at claim and cue boundaries. Memoised: opening a claim never re-renders it.
//
// Long articles (1,000+ claims) render in paragraph blocks. Every block always holds its full text, so find-in-page,
// selection and copying see the whole article; a block far from the viewport holds it as one plain text node, and gets
// its claim and cue spans when it comes near (IntersectionObserver) or when a claim in it is revealed (j/k, a link).
// Blocks also carry `content-visibility: auto` (reader.css), so the browser skips style, layout and paint off screen.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent, type RefObject } from 'react';
import type { ClaimTone } from '../claimTone';
import type { Segment } from '../segments';

/** Lets the page scroll to a claim whose paragraph may not have its highlight spans yet. */
export interface ArticleTextController {
  /** Brings the claim's first run into view (centred), rendering its paragraph first when needed. */
  reveal(claimId: string, start: number | null | undefined, behavior?: ScrollBehavior): void;
}

interface Props {
  text: string;
  segments: Segment[];
  tones: ReadonlyMap<string, ClaimTone>;
  containerRef: RefObject<HTMLDivElement | null>;
  onClaimClick(claimId: string): void;
  onClaimHover(claimId: string | null, target: HTMLElement | null): void;
  onSelectText(): void;
  controllerRef?: RefObject<ArticleTextController | null>;
  /** A text offset whose paragraph gets its spans in the first render (a claim opened from a link). */
  initialOffset?: number | null;
}

interface Block {
  start: number;
  end: number;
  segments: Segment[];
}

/** Blocks rendered with their spans before anything is measured: about two screens of text. */
const INITIAL_CHARS = 6000;
/** How far outside the viewport a block gets its spans, so they are there before it scrolls into view. */
const ROOT_MARGIN = '1200px 0px';
const SAFE_ID = /^[A-Za-z0-9_-]+$/;

/**
 * Cuts the text into blocks that end after a run of line breaks (a paragraph and the blank line after it), and the
 * segments at block edges. Rendered as display:block inside the pre-wrap container the lines are the same as before.
 */
function splitBlocks(text: string, segments: readonly Segment[]): Block[] {
  const edges: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1 && i < text.length - 1; i = text.indexOf('\n', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) edges.push(i + 1);
  }
  edges.push(text.length);
  const blocks: Block[] = [];
  let start = 0;
  let s = 0;
  for (const end of edges) {
    if (end <= start) continue;
    const segs: Segment[] = [];
    while (s < segments.length && segments[s].end <= start) s++;
    for (let k = s; k < segments.length && segments[k].start < end; k++) {
      const seg = segments[k];
      segs.push(seg.start >= start && seg.end <= end ? seg : { ...seg, start: Math.max(seg.start, start), end: Math.min(seg.end, end) });
    }
    blocks.push({ start, end, segments: segs });
    start = end;
  }
  return blocks;
}

function blockAt(blocks: readonly Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function claimIdsAt(target: EventTarget): { ids: string[]; el: HTMLElement } | null {
  const el = (target as HTMLElement).closest?.<HTMLElement>('[data-claims]');
  if (!el?.dataset.claims) return null;
  return { ids: el.dataset.claims.split(' '), el };
}

const canObserve = () => typeof IntersectionObserver !== 'undefined';

export const ArticleText = memo(function ArticleText({ text, segments, tones, containerRef, onClaimClick, onClaimHover, onSelectText, controllerRef, initialOffset }: Props) {
  const blocks = useMemo(() => splitBlocks(text, segments), [text, segments]);
  // Which blocks have their spans. Without IntersectionObserver (tests, old browsers) every block has them.
  const [live, setLive] = useState<ReadonlySet<number>>(() => initialLive(blocks, initialOffset));
  const [liveFor, setLiveFor] = useState(blocks);
  if (liveFor !== blocks) {
    // New text or claims: keep what was shown, by offset.
    setLiveFor(blocks);
    setLive(remap(liveFor, live, blocks, initialOffset));
  }
  const pending = useRef<{ claimId: string; behavior: ScrollBehavior } | null>(null);

  const scrollTo = useCallback(
    (claimId: string, behavior: ScrollBehavior) => {
      const el = containerRef.current?.querySelector<HTMLElement>(`[data-claims~="${claimId}"]`);
      if (!el) return false;
      el.scrollIntoView({ block: 'center', behavior });
      if (behavior === 'smooth' && 'onscrollend' in window) {
        // Paragraphs laid out on the way can move the target; make sure it ends up on screen.
        window.addEventListener('scrollend', () => el.isConnected && el.scrollIntoView({ block: 'nearest' }), { once: true });
      }
      return true;
    },
    [containerRef],
  );

  useEffect(() => {
    if (!controllerRef) return;
    controllerRef.current = {
      reveal(claimId, start, behavior = 'auto') {
        if (!SAFE_ID.test(claimId)) return;
        if (scrollTo(claimId, behavior) || start == null) return;
        const index = blockAt(blocks, start);
        pending.current = { claimId, behavior };
        setLive((prev) => (prev.has(index) ? prev : new Set(prev).add(index)));
      },
    };
    return () => {
      controllerRef.current = null;
    };
  }, [controllerRef, blocks, scrollTo]);

  useLayoutEffect(() => {
    const p = pending.current;
    if (p && scrollTo(p.claimId, p.behavior)) pending.current = null;
  }, [live, scrollTo]);

  const allLive = live.size >= blocks.length;
  useEffect(() => {
    const root = containerRef.current;
    if (!root || allLive || !canObserve()) return;
    const observer = new IntersectionObserver(
      (entries) => {
        const shown: number[] = [];
        for (const e of entries) if (e.isIntersecting) shown.push(Number((e.target as HTMLElement).dataset.block));
        if (shown.length) setLive((prev) => (shown.every((i) => prev.has(i)) ? prev : new Set([...prev, ...shown])));
      },
      { rootMargin: ROOT_MARGIN },
    );
    for (const el of root.querySelectorAll<HTMLElement>('[data-block]')) if (!live.has(Number(el.dataset.block))) observer.observe(el);
    return () => observer.disconnect();
  }, [containerRef, live, allLive]);

  const onClick = (event: MouseEvent) => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    const hit = claimIdsAt(event.target);
    if (hit) onClaimClick(hit.ids[0]);
  };
  const onOver = (event: MouseEvent) => {
    const hit = claimIdsAt(event.target);
    onClaimHover(hit?.ids[0] ?? null, hit?.el ?? null);
  };
  return (
    <div className="cd-article-text" ref={containerRef} onClick={onClick} onMouseOver={onOver} onMouseLeave={() => onClaimHover(null, null)} onMouseUp={onSelectText} data-testid="article-text">
      {blocks.map((b, i) => (
        <TextBlock key={b.start} index={i} text={text} block={b} tones={tones} toneKey={live.has(i) ? toneKey(b, tones) : ''} live={live.has(i)} />
      ))}
    </div>
  );
});

function initialLive(blocks: readonly Block[], initialOffset: number | null | undefined): Set<number> {
  if (!canObserve()) return new Set(blocks.keys());
  const live = new Set<number>();
  for (let i = 0; i < blocks.length && blocks[i].start < INITIAL_CHARS; i++) live.add(i);
  if (initialOffset != null && blocks.length) {
    const at = blockAt(blocks, initialOffset);
    for (let i = Math.max(0, at - 2); i <= Math.min(blocks.length - 1, at + 2); i++) live.add(i);
  }
  return live;
}

function remap(before: readonly Block[], live: ReadonlySet<number>, after: readonly Block[], initialOffset: number | null | undefined): Set<number> {
  const next = initialLive(after, initialOffset);
  if (!after.length) return next;
  for (const i of live) if (before[i]) next.add(blockAt(after, before[i].start));
  return next;
}

/** The tones of the claims in a block: the block re-renders only when one of them changes. */
function toneKey(block: Block, tones: ReadonlyMap<string, ClaimTone>): string {
  let key = '';
  for (const s of block.segments) if (s.claimIds.length) key += `${tones.get(s.claimIds[0]) ?? ''},`;
  return key;
}

interface BlockProps {
  index: number;
  text: string;
  block: Block;
  tones: ReadonlyMap<string, ClaimTone>;
  toneKey: string;
  live: boolean;
}

const TextBlock = memo(
  function TextBlock({ index, text, block, tones, live }: BlockProps) {
    const length = block.end - block.start;
    // A first guess at the height of a block not yet laid out (about 80 characters a line); `auto` then remembers the real one.
    const style = { containIntrinsicSize: `auto ${Math.max(1, Math.ceil(length / 80)) * 32}px` };
    if (!live) {
      return (
        <div className="cd-block" data-block={index} data-start={block.start} style={style}>
          {text.slice(block.start, block.end)}
        </div>
      );
    }
    return (
      <div className="cd-block" data-block={index} style={style}>
        {block.segments.map((s) => {
          const classes: string[] = [];
          if (s.claimIds.length) {
            classes.push('cd-claim', `cd-tone-${tones.get(s.claimIds[0]) ?? 'detected'}`);
            if (s.claimIds.length > 1) classes.push('cd-overlap');
          }
          for (const cue of s.cues) classes.push(`cd-cue-${cue}`);
          return (
            <span
              key={s.start}
              data-start={s.start}
              data-claims={s.claimIds.length ? s.claimIds.join(' ') : undefined}
              data-cues={s.cues.length ? s.cues.join(' ') : undefined}
              className={classes.join(' ') || undefined}
            >
              {text.slice(s.start, s.end)}
            </span>
          );
        })}
      </div>
    );
  },
  (a, b) => a.block === b.block && a.live === b.live && a.toneKey === b.toneKey && a.text === b.text && a.index === b.index,
);
