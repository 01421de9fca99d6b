// Dates and numbers in the newsroom's plain words.
// Made on first use: building an Intl.DateTimeFormat loads locale and time-zone data (tens to hundreds of ms on a busy
// machine), which should not sit in front of the first render of a page that shows no dates.
let dateFormat: Intl.DateTimeFormat | undefined;
let dateTimeFormat: Intl.DateTimeFormat | undefined;

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : (dateFormat ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })).format(d);
}
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : (dateTimeFormat ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })).format(d);
}
/** "1 claim", "2 claims", "0 claims"; `more` marks a count with more to load ("50+ claims"). */
export function countOf(n: number, noun: string, options: { plural?: string; more?: boolean } = {}): string {
  const plural = options.plural ?? `${noun}s`;
  return options.more ? `${n}+ ${plural}` : `${n} ${n === 1 ? noun : plural}`;
}
/** A poll interval in the largest whole unit: "every 15 min", "hourly", "every 6 h", "daily", "weekly", "every 3 days". */
export function formatInterval(minutes: number): string {
  const units: [number, string, string][] = [
    [10080, 'weekly', 'weeks'],
    [1440, 'daily', 'days'],
    [60, 'hourly', 'h'],
  ];
  for (const [size, one, many] of units) {
    if (minutes % size !== 0) continue;
    const n = minutes / size;
    return n === 1 ? one : `every ${n} ${many}`;
  }
  return `every ${minutes} min`;
}
export function formatScore(score: number): string {
  return score <= 1 ? `${Math.round(score * 100)}` : `${Math.round(score)}`;
}
/** Only http(s) addresses become links; anything else (javascript:, data:) is shown as text. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
