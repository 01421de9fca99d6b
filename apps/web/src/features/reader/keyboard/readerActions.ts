// The reader's single-key shortcuts as one table: each action's key, its label in the help dialog, when it applies and
// what it does. The keyboard handler and the help dialog both read this table, so they cannot drift apart.
import type { ReaderClaimDto } from '@claimdesk/domain';

/** What the actions read and call on the page. */
export interface ReaderContext {
  /** The claims placed in the text, in reading order. */
  placed: readonly ReaderClaimDto[];
  /** The claim with the keyboard focus, and the one open in the panel. */
  currentId: string | null;
  openId: string | null;
  /** The claim an action applies to: the open one, else the focused one. */
  target: ReaderClaimDto | undefined;
  focus(claimId: string): void;
  open(claimId: string): void;
  closePanel(): void;
  clearSelection(): void;
  showHelp(): void;
  flag(claim: ReaderClaimDto | undefined): void;
  askDismiss(claim: ReaderClaimDto | undefined): void;
}

type KeyEventLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>;

interface ReaderAction {
  id: 'next' | 'previous' | 'open' | 'close' | 'flag' | 'dismiss' | 'help';
  /** The keys as the help dialog shows them. */
  keys: string[];
  label: string;
  keyTest(event: KeyEventLike): boolean;
  /** Whether the action applies now; when it does not, the key press is left alone. */
  predicate?(ctx: ReaderContext): boolean;
  perform(ctx: ReaderContext): void;
  /** Escape also closes Mantine's dialogs: act even when they handled it, and leave its default alone. */
  shared?: boolean;
}

/** Moves the focus to the next or previous claim (and the panel with it when it is open). */
function step(ctx: ReaderContext, delta: 1 | -1): void {
  const { placed } = ctx;
  if (!placed.length) return;
  const index = placed.findIndex((c) => c.id === (ctx.openId ?? ctx.currentId));
  const next = index === -1 ? (delta === 1 ? 0 : placed.length - 1) : Math.min(placed.length - 1, Math.max(0, index + delta));
  ctx.focus(placed[next].id);
  if (ctx.openId) ctx.open(placed[next].id);
}

const key = (k: string) => (event: KeyEventLike) => event.key === k;

export const READER_ACTIONS: readonly ReaderAction[] = [
  { id: 'next', keys: ['j'], label: 'Next claim', keyTest: key('j'), perform: (ctx) => step(ctx, 1) },
  { id: 'previous', keys: ['k'], label: 'Previous claim', keyTest: key('k'), perform: (ctx) => step(ctx, -1) },
  {
    id: 'open',
    keys: ['Enter'],
    label: 'Open the claim panel',
    // Enter on a button or link keeps its own meaning.
    keyTest: (event) => event.key === 'Enter' && !(event.target as HTMLElement | null)?.closest?.('button, a, [role="button"], [role="option"]'),
    predicate: (ctx) => ctx.currentId !== null,
    perform: (ctx) => ctx.currentId && ctx.open(ctx.currentId),
  },
  { id: 'close', keys: ['Esc'], label: 'Close the panel or dialog', keyTest: key('Escape'), shared: true, perform: (ctx) => (ctx.openId ? ctx.closePanel() : ctx.clearSelection()) },
  { id: 'flag', keys: ['f'], label: 'Flag the current claim', keyTest: key('f'), perform: (ctx) => ctx.flag(ctx.target) },
  { id: 'dismiss', keys: ['d'], label: 'Dismiss the current claim (asks for a reason)', keyTest: key('d'), perform: (ctx) => ctx.askDismiss(ctx.target) },
  { id: 'help', keys: ['?'], label: 'Show these shortcuts', keyTest: key('?'), perform: (ctx) => ctx.showHelp() },
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  // A radio or checkbox (the reader's view switch) has the focus after a click, but nothing is typed into it.
  if (target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox')) return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.getAttribute('role') === 'combobox';
}

function actionFor(event: KeyEventLike): ReaderAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTyping(event.target)) return null;
  return READER_ACTIONS.find((a) => a.keyTest(event)) ?? null;
}

/** The id of the action a key press triggers, or null when the key is not a shortcut here. */
export function shortcutFor(event: KeyEventLike): ReaderAction['id'] | null {
  return actionFor(event)?.id ?? null;
}

/** Runs the table's actions on key presses anywhere on the page while `enabled`. */
export function handleReaderKey(event: KeyboardEvent, ctx: ReaderContext): void {
  const action = actionFor(event);
  if (!action || (event.defaultPrevented && !action.shared)) return;
  if (action.predicate && !action.predicate(ctx)) return;
  if (!action.shared) event.preventDefault();
  action.perform(ctx);
}
