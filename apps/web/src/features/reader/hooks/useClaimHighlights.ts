// What the reader draws from an article's claims: the placed ones in text order, the orphans, the text cut into runs and
// each claim's highlight tone.
import type { ReaderClaimDto, Rating } from '@claimdesk/domain';
import { useMemo, useRef } from 'react';
import { claimTone, type ClaimTone } from '../claimTone';
import { segmentText, type CueRange } from '../segments';

export function useClaimHighlights(text: string, claims: readonly ReaderClaimDto[] | undefined, ratings: readonly Rating[]) {
  const byId = useMemo(() => new Map((claims ?? []).map((c) => [c.id, c])), [claims]);
  const placed = useMemo(() => (claims ?? []).filter((c) => !c.orphaned && c.start != null && c.end != null).sort((a, b) => a.start! - b.start! || a.end! - b.end!), [claims]);
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
  return { byId, placed, orphans, segments, tones };
}
