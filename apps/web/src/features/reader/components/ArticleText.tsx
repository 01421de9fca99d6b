// The article as plain React text, cut into runs at claim and cue boundaries. Memoised: opening a claim never re-renders it.
import { memo, type MouseEvent, type RefObject } from 'react';
import type { ClaimTone } from '../../claims/claimStatus';
import type { Segment } from '../segments';

interface Props {
  text: string;
  segments: Segment[];
  tones: ReadonlyMap<string, ClaimTone>;
  containerRef: RefObject<HTMLDivElement | null>;
  onClaimClick(claimId: string): void;
  onClaimHover(claimId: string | null, target: HTMLElement | null): void;
  onSelectText(): void;
}

function claimIdsAt(target: EventTarget): { ids: string[]; el: HTMLElement } | null {
  const el = (target as HTMLElement).closest?.<HTMLElement>('[data-claims]');
  if (!el?.dataset.claims) return null;
  return { ids: el.dataset.claims.split(' '), el };
}

export const ArticleText = memo(function ArticleText({ text, segments, tones, containerRef, onClaimClick, onClaimHover, onSelectText }: Props) {
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
      {segments.map((s) => {
        const classes: string[] = [];
        if (s.claimIds.length) {
          classes.push('cd-claim', `cd-tone-${tones.get(s.claimIds[0]) ?? 'detected'}`);
          if (s.claimIds.length > 1) classes.push('cd-overlap');
        }
        for (const cue of s.cues) classes.push(`cd-cue-${cue}`);
        return (
          <span key={s.start} data-start={s.start} data-claims={s.claimIds.length ? s.claimIds.join(' ') : undefined} data-cues={s.cues.length ? s.cues.join(' ') : undefined} className={classes.join(' ') || undefined}>
            {text.slice(s.start, s.end)}
          </span>
        );
      })}
    </div>
  );
});
