import { findMentions, mentionAt, mentionHandle } from './mentions';

const lena = { id: '1', name: 'Lena Fischer', email: 'lena.f@newsroom.example' };
const ana = { id: '2', name: 'Ana Ionescu', email: 'ana@newsroom.example' };
const anaB = { id: '3', name: 'Ana Berg', email: 'aberg@newsroom.example' };

describe('mentions', () => {
  it('finds members by email handle and by name without spaces, each once', () => {
    expect(findMentions('@lena.f can you check? cc @AnaIonescu and @lena.f again', [lena, ana, anaB]).map((m) => m.id)).toEqual(['1', '2']);
  });

  it('takes a first name only when no one else shares it', () => {
    expect(findMentions('@Lena and @ana', [lena, ana, anaB]).map((m) => m.id)).toEqual(['1', '2']);
    expect(findMentions('@ana', [lena, anaB, { ...ana, email: 'ionescu@newsroom.example' }])).toEqual([]);
  });

  it('ignores email addresses, unknown handles and a trailing full stop', () => {
    expect(findMentions('write to lena.f@newsroom.example or @nobody', [lena])).toEqual([]);
    expect(findMentions('Thanks @lena.f.', [lena]).map((m) => m.id)).toEqual(['1']);
  });

  it('finds the word being typed at the caret', () => {
    expect(mentionAt('hello @le', 9)).toEqual({ start: 6, query: 'le' });
    expect(mentionAt('hello @', 7)).toEqual({ start: 6, query: '' });
    expect(mentionAt('mail a@b', 8)).toBeNull();
    expect(mentionHandle(lena)).toBe('lena.f');
  });
});
