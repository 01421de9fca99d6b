import { shortcutFor } from './useReaderKeyboard';

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
  it('leaves Enter on a button or link to the button', () => {
    const button = document.createElement('button');
    document.body.appendChild(button);
    expect(key('Enter', {}, button)).toBeNull();
  });
});
