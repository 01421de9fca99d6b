// @mentions in comments: `@name` (the member's name without spaces, or their first name when no one else shares it) or
// `@email-local-part`, matched without regard to case. The web app's autocomplete inserts the handle.
export interface Mentionable {
  id: string;
  name: string;
  email: string;
}

/** The handle a member is mentioned by: the part of their email before the @. */
export function mentionHandle(member: Mentionable): string {
  return member.email.split('@')[0].toLowerCase();
}

/** The members a text mentions, each once, in the order first mentioned. */
export function findMentions<M extends Mentionable>(text: string, members: readonly M[]): M[] {
  const byHandle = new Map<string, M>();
  const firstNames = new Map<string, M[]>();
  for (const m of members) {
    byHandle.set(mentionHandle(m), m);
    byHandle.set(m.name.replace(/\s+/g, '').toLowerCase(), m);
    const first = m.name.trim().split(/\s+/)[0]?.toLowerCase();
    if (first) firstNames.set(first, [...(firstNames.get(first) ?? []), m]);
  }
  for (const [first, list] of firstNames) if (list.length === 1 && !byHandle.has(first)) byHandle.set(first, list[0]);
  const found: M[] = [];
  for (const match of text.matchAll(/(^|[^\w@.])@([\p{L}\p{N}._+-]+)/gu)) {
    const token = match[2].replace(/[.]+$/, '').toLowerCase();
    const member = byHandle.get(token);
    if (member && !found.includes(member)) found.push(member);
  }
  return found;
}

/** The `@word` being typed at the caret, for autocomplete: its start and the text after the @ (null when none). */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|[^\w@.])@([\p{L}\p{N}._+-]*)$/u.exec(before);
  if (!match) return null;
  return { start: caret - match[2].length - 1, query: match[2] };
}
