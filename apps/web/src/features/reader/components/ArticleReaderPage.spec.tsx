// Keyboard triage in the reader against a fake API: j/k move, Enter opens, Esc closes, f flags, d dismisses with a reason, ? helps.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ArticleDetailDto, ClaimDetailDto, ClaimDto } from '@claimdesk/domain';
import { claimDto } from '../../../test/claims';
import { authRoutes, fakeFetch, renderScreen, type FakeApi } from '../../../test/render';
import ArticleReaderPage from './ArticleReaderPage';

const TEXT = 'Putin met Kim Jong-Il in September 2023. Iran allegedly helped, according to the Pentagon.';
const A = '11111111-1111-4111-8111-111111111111';
const uuid = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

function claim(n: number, start: number, end: number, extra: Partial<ClaimDto> = {}): ClaimDto {
  const text = TEXT.slice(start, end);
  return claimDto(text, { id: uuid(n), articleId: A, start, end, selector: { exact: text, prefix: '', suffix: '' }, ...extra });
}
const hedgeStart = TEXT.indexOf('allegedly');
const attribStart = TEXT.indexOf('according to');
const CLAIMS = [
  claim(1, 0, 40),
  claim(2, 41, TEXT.length, {
    hedged: true,
    attributed: true,
    cues: [
      { type: 'hedge', text: 'allegedly', start: hedgeStart, end: hedgeStart + 9 },
      { type: 'attribution', text: 'according to the Pentagon', start: attribStart, end: TEXT.length - 1 },
    ],
  }),
  claim(3, 41, 62),
];
const ARTICLE: ArticleDetailDto = {
  id: A,
  title: 'North Korea and Russia',
  author: 'X',
  url: null,
  publishedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  revision: 1,
  claimCounts: { DETECTED: 3 },
  claimTotal: 3,
  checkWorthy: 3,
  checked: 0,
  orphaned: 0,
  revisionId: 'r1',
  text: TEXT,
  format: 'text',
};

function api(extra: FakeApi = {}) {
  return fakeFetch({
    ...authRoutes(),
    [`GET /articles/${A}`]: () => ARTICLE,
    [`GET /articles/${A}/claims`]: () => ({ items: CLAIMS, nextCursor: null }),
    'GET /members': () => [],
    ...Object.fromEntries(
      CLAIMS.flatMap((c) => [
        [`GET /claims/${c.id}`, () => ({ ...c, article: { id: A, title: ARTICLE.title }, context: { before: '', after: '' }, sources: [], verdicts: [], comments: [] }) satisfies ClaimDetailDto],
        [`GET /claims/${c.id}/history`, () => []],
        [`GET /claims/${c.id}/matches`, () => ({ matches: [], similar: [], libraryVersion: 0, stale: false })],
      ]),
    ),
    ...extra,
  });
}

const press = (key: string) => act(() => void fireEvent.keyDown(document.body, { key }));
const focusStyle = () => document.querySelector('style:not([data-mantine-styles])')?.textContent ?? '';

describe('ArticleReaderPage', () => {
  it('highlights every claim in place with hedge and attribution cues marked', async () => {
    api();
    renderScreen(<ArticleReaderPage />, { route: `/articles/${A}`, path: '/articles/:id' });
    const text = await screen.findByTestId('article-text');
    expect(text.textContent).toBe(TEXT);
    expect(text.querySelector('.cd-cue-hedge')?.textContent).toBe('allegedly');
    expect(text.querySelector('.cd-cue-attribution')?.textContent).toContain('according to');
    // claims 2 and 3 overlap: the shared run lists the shorter one first
    expect(text.querySelector(`[data-claims="${uuid(3)} ${uuid(2)}"]`)).not.toBeNull();
  });

  it('in the check-worthy view walks the check-worthy claims in triage order and counts them in the header', async () => {
    const triaged = [
      claim(1, 0, 40, { triage: 2, dates: [{ text: 'September 2023', start: 22, end: 36 }] }),
      claim(2, 41, TEXT.length, { ...CLAIMS[1], triage: 1 }),
      claim(3, 41, 62, { checkWorthy: false, triage: 4 }),
    ];
    api({ [`GET /articles/${A}/claims`]: () => ({ items: triaged, nextCursor: null }) });
    renderScreen(<ArticleReaderPage />, { route: `/articles/${A}?view=check-worthy`, path: '/articles/:id' });
    const text = await screen.findByTestId('article-text');
    expect(screen.getByLabelText('Claim counts').textContent).toBe('2 check-worthy · 1 hedged · 1 attributed');
    // The claim that is not check-worthy is not highlighted in this view.
    expect(text.querySelector(`[data-claims~="${uuid(3)}"]`)).toBeNull();
    press('j');
    expect(focusStyle()).toContain(uuid(2));
    press('j');
    expect(focusStyle()).toContain(uuid(1));
    press('j');
    expect(focusStyle()).toContain(uuid(1));
    expect(focusStyle()).not.toContain(uuid(3));
    press('k');
    expect(focusStyle()).toContain(uuid(2));
  });

  it('moves with j/k, opens with Enter, closes with Escape and shows help with ?', async () => {
    api();
    renderScreen(<ArticleReaderPage />, { route: `/articles/${A}`, path: '/articles/:id' });
    await screen.findByTestId('article-text');
    press('j');
    expect(focusStyle()).toContain(uuid(1));
    press('j');
    expect(focusStyle()).toContain(uuid(3));
    press('k');
    expect(focusStyle()).toContain(uuid(1));
    expect(focusStyle()).not.toContain(uuid(3));
    press('Enter');
    const panel = await screen.findByRole('dialog', { name: /claim/i });
    expect(within(panel).getAllByText(CLAIMS[0].text).length).toBeGreaterThan(0);
    press('Escape');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: /claim/i })).not.toBeInTheDocument());
    press('?');
    // The dialog's code loads on first use (or in idle time after the text): wait for it as for data.
    expect(await screen.findByText('Keyboard shortcuts', undefined, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('flags with f and dismisses with d after asking a reason', async () => {
    const { calls } = api({
      [`POST /claims/${uuid(1)}/transition`]: () => ({ ...CLAIMS[0], status: 'FLAGGED', version: 2 }),
      [`POST /claims/${uuid(3)}/transition`]: () => ({ ...CLAIMS[2], status: 'DISMISSED', dismissReason: 'OPINION', version: 2 }),
    });
    renderScreen(<ArticleReaderPage />, { route: `/articles/${A}`, path: '/articles/:id' });
    await screen.findByTestId('article-text');
    press('j');
    press('f');
    await screen.findByText('Claim flagged.');
    expect(calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', path: `/claims/${uuid(1)}/transition`, body: { version: 1, action: 'flag' } });
    expect(document.querySelector(`[data-claims="${uuid(1)}"]`)).toHaveClass('cd-tone-flagged');

    press('j');
    press('d');
    const dialog = await screen.findByRole('dialog', { name: 'Dismiss claim' }, { timeout: 10_000 });
    await userEvent.click(within(dialog).getByLabelText('Opinion'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Dismiss' }));
    await screen.findByText('Claim dismissed.');
    expect(calls.filter((c) => c.method === 'POST')[1]).toEqual({ method: 'POST', path: `/claims/${uuid(3)}/transition`, body: { version: 1, action: 'dismiss', reason: 'OPINION' } });
  });

  it('on a 409 says who changed the claim and re-applies the edit on top when asked', async () => {
    let attempts = 0;
    const { calls } = api({
      [`POST /claims/${uuid(1)}/transition`]: (body) => {
        attempts += 1;
        if (attempts === 1)
          return { status: 409, body: { statusCode: 409, code: 'STALE_VERSION', message: 'stale', details: [], current: { ...CLAIMS[0], priority: 3, version: 4, updatedBy: 'Ed Editor' } } };
        return { ...CLAIMS[0], status: 'FLAGGED', version: (body as { version: number }).version + 1 };
      },
    });
    renderScreen(<ArticleReaderPage />, { route: `/articles/${A}`, path: '/articles/:id' });
    await screen.findByTestId('article-text');
    press('j');
    press('f');
    const alert = await screen.findByText(/Ed Editor changed this claim/);
    expect(alert).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Apply my change again' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'POST')[1].body).toEqual({ version: 4, action: 'flag' });
    await waitFor(() => expect(screen.queryByText(/Ed Editor changed this claim/)).not.toBeInTheDocument());
  });
});
