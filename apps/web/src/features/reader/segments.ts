// Splits article text into runs at every claim and cue boundary, so overlapping and nested claims render as flat spans.
import type { CueDto } from '@claimdesk/domain';

type CueType = CueDto['type'];
interface ClaimRange {
  id: string;
  start: number | null;
  end: number | null;
}
export interface CueRange {
  type: CueType;
  start: number;
  end: number;
}
export interface Segment {
  start: number;
  end: number;
  /** Claims covering this run, innermost (shortest) first; on equal length the one starting later. */
  claimIds: string[];
  /** Cue types covering this run, each once, in a stable order. */
  cues: CueType[];
}

const CUE_ORDER: CueType[] = ['hedge', 'attribution', 'approximation', 'speculation', 'question'];

interface Range {
  start: number;
  end: number;
  claimId?: string;
  cue?: CueType;
}

/**
 * Cuts [0, length) at every start and end of a claim or cue. Ranges outside the text are clipped; empty or
 * unplaced ranges (orphaned claims) are ignored. Adjacent runs with the same covering set are not merged, so
 * every claim starts and ends exactly on a run boundary.
 */
export function segmentText(length: number, claims: readonly ClaimRange[], cues: readonly CueRange[]): Segment[] {
  if (length <= 0) return [];
  const ranges: Range[] = [];
  const clip = (n: number) => Math.max(0, Math.min(length, n));
  for (const c of claims) {
    if (c.start == null || c.end == null) continue;
    const start = clip(c.start);
    const end = clip(c.end);
    if (end > start) ranges.push({ start, end, claimId: c.id });
  }
  for (const c of cues) {
    const start = clip(c.start);
    const end = clip(c.end);
    if (end > start) ranges.push({ start, end, cue: c.type });
  }
  const boundaries = new Set<number>([0, length]);
  const opening = new Map<number, Range[]>();
  for (const r of ranges) {
    boundaries.add(r.start);
    boundaries.add(r.end);
    const list = opening.get(r.start);
    if (list) list.push(r);
    else opening.set(r.start, [r]);
  }
  const points = [...boundaries].sort((a, b) => a - b);
  const active: Range[] = [];
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    for (let j = active.length - 1; j >= 0; j--) if (active[j].end <= start) active.splice(j, 1);
    const opened = opening.get(start);
    if (opened) active.push(...opened);
    const claimRanges = active.filter((r) => r.claimId !== undefined);
    claimRanges.sort((a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start || (a.claimId! < b.claimId! ? -1 : 1));
    const cueSet = new Set(active.filter((r) => r.cue).map((r) => r.cue!));
    segments.push({ start, end, claimIds: claimRanges.map((r) => r.claimId!), cues: CUE_ORDER.filter((t) => cueSet.has(t)) });
  }
  return segments;
}
