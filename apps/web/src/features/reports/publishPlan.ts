// What publishing would do, read from the draft report's model: the version it makes and what changes since the last one.

export interface PublishPlan {
  version: number;
  entries: number;
  corrections: number;
  /** Lines such as "Added: paragraph 5, “The surprise meeting…”"; empty for a first version. */
  changes: string[];
  /** Why publishing is not offered now, or null when it is. */
  blocked: string | null;
}

interface DraftModel {
  version?: number;
  corrections?: unknown[];
  accurate?: unknown[];
  changesSinceLastVersion?: {
    previousVersion: number;
    added: string[];
    changed: string[];
    removed: string[];
    places?: Array<{ claimId: string; paragraph: number; quote: string }>;
  } | null;
}

const shorten = (text: string, max = 80) => (text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`);

export function publishPlan(model: unknown): PublishPlan | null {
  if (!model || typeof model !== 'object') return null;
  const m = model as DraftModel;
  const corrections = m.corrections?.length ?? 0;
  const entries = corrections + (m.accurate?.length ?? 0);
  const version = m.version ?? 1;
  const diff = m.changesSinceLastVersion ?? null;
  const places = new Map((diff?.places ?? []).map((p) => [p.claimId, p]));
  const name = (claimId: string) => {
    const place = places.get(claimId);
    return place ? `paragraph ${place.paragraph + 1}, “${shorten(place.quote)}”` : 'an entry of the last version';
  };
  const changes = diff ? [...diff.added.map((id) => `Added: ${name(id)}`), ...diff.changed.map((id) => `Changed: ${name(id)}`), ...diff.removed.map((id) => `Withdrawn: ${name(id)}`)] : [];
  const blocked =
    entries === 0 ? 'There are no approved verdicts to publish yet.' : diff && changes.length === 0 ? `Nothing changed since version ${diff.previousVersion}; the published report stands.` : null;
  return { version, entries, corrections, changes, blocked };
}
