import type { ClaimDto } from '@claimdesk/domain';
import { READER_ACTIONS, shortcutFor, type ReaderContext } from './readerActions';

const key = (k: string, extra: Partial<KeyboardEvent> = {}, target: EventTarget | null = document.body) => shortcutFor({ key: k, ctrlKey: false, metaKey: false, altKey: false, target, ...extra });

describe('shortcutFor', () => {
  it('maps the reader keys', () => {
    expect(['j', 'k', 'f', 'd', 'Enter', 'Escape', '?'].map((k) => key(k))).toEqual(['next', 'previous', 'flag', 'dismiss', 'open', 'close', 'help']);
    expect(key('x')).toBeNull();
  });
  it('ignores keys typed into fields and keys with modifiers', () => {
    const input = document.createElement('input');
    const textarea = document.createElement('textarea');
    expect(key('j', {}, input)).toBeNull();
    expect(key('f', {}, textarea)).toBeNull();
    expect(key('Escape', {}, input)).toBeNull();
    expect(key('j', { ctrlKey: true })).toBeNull();
    expect(key('d', { metaKey: true })).toBeNull();
  });
  it('still walks claims when the view switch (a radio button) has the focus', () => {
    const radio = document.createElement('input');
    radio.type = 'radio';
    expect(key('j', {}, radio)).toBe('next');
    expect(key('k', {}, radio)).toBe('previous');
  });
  it('leaves Enter on a button or link to the button', () => {
    const button = document.createElement('button');
    document.body.appendChild(button);
    expect(key('Enter', {}, button)).toBeNull();
  });
});

describe('READER_ACTIONS', () => {
  const claims = ['a', 'b', 'c'].map((id) => ({ id }) as ClaimDto);
  const context = (extra: Partial<ReaderContext> = {}): ReaderContext => ({
    placed: claims,
    currentId: null,
    openId: null,
    target: undefined,
    focus: jest.fn(),
    open: jest.fn(),
    closePanel: jest.fn(),
    clearSelection: jest.fn(),
    showHelp: jest.fn(),
    flag: jest.fn(),
    askDismiss: jest.fn(),
    ...extra,
  });
  const perform = (id: string, ctx: ReaderContext) => READER_ACTIONS.find((a) => a.id === id)!.perform(ctx);

  it('steps through the claims in reading order, stopping at either end', () => {
    const first = context();
    perform('next', first);
    expect(first.focus).toHaveBeenCalledWith('a');
    const last = context({ currentId: 'c' });
    perform('next', last);
    expect(last.focus).toHaveBeenCalledWith('c');
    const back = context({ currentId: 'b' });
    perform('previous', back);
    expect(back.focus).toHaveBeenCalledWith('a');
    expect(back.open).not.toHaveBeenCalled();
  });

  it('moves the open panel along with the focus', () => {
    const ctx = context({ currentId: 'a', openId: 'a' });
    perform('next', ctx);
    expect(ctx.open).toHaveBeenCalledWith('b');
  });

  it('opens only when a claim has the focus, and Escape closes the panel before the selection', () => {
    const open = READER_ACTIONS.find((a) => a.id === 'open')!;
    expect(open.predicate!(context())).toBe(false);
    expect(open.predicate!(context({ currentId: 'b' }))).toBe(true);
    const withPanel = context({ openId: 'a' });
    perform('close', withPanel);
    expect(withPanel.closePanel).toHaveBeenCalled();
    expect(withPanel.clearSelection).not.toHaveBeenCalled();
    const withoutPanel = context();
    perform('close', withoutPanel);
    expect(withoutPanel.clearSelection).toHaveBeenCalled();
  });
});
