import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CommentDto } from '@claimdesk/domain';
import { authRoutes, fakeFetch, withProviders } from '../../../test/render';
import { CommentsSection } from './ClaimActivity';

const CLAIM = '00000000-0000-4000-8000-0000000000c1';
const author = (name: string) => ({ id: name, email: `${name}@example.org`, name });
const comments: CommentDto[] = [
  { id: '00000000-0000-4000-8000-0000000000a1', parentId: null, body: 'Which meeting is meant?', author: author('Eddie'), createdAt: '2026-11-30T10:00:00.000Z' },
  { id: '00000000-0000-4000-8000-0000000000a2', parentId: '00000000-0000-4000-8000-0000000000a1', body: 'The one in Beijing.', author: author('Fran'), createdAt: '2026-11-30T10:05:00.000Z' },
];

describe('CommentsSection', () => {
  it('shows replies under their comment and sends a reply with its parent', async () => {
    const { calls } = fakeFetch({ ...authRoutes(), [`POST /claims/${CLAIM}/comments`]: (body) => ({ status: 201, body }) });
    render(withProviders(<CommentsSection claimId={CLAIM} comments={comments} canWrite />));
    const thread = screen.getByRole('group', { name: 'Comment by Eddie' });
    expect(within(thread).getByText('The one in Beijing.')).toBeInTheDocument();
    await userEvent.click(within(thread).getByRole('button', { name: 'Reply' }));
    await userEvent.type(within(thread).getByRole('textbox', { name: 'Reply to Eddie' }), 'Thanks, that settles it.');
    await userEvent.click(within(thread).getByRole('button', { name: 'Reply' }));
    await screen.findByRole('button', { name: 'Reply' });
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ body: 'Thanks, that settles it.', parentId: comments[0].id });
  });
});

describe('mention autocomplete', () => {
  const members = [
    { userId: 'u1', email: 'lena.f@example.org', name: 'Lena Fischer', role: 'FACT_CHECKER', createdAt: '2026-11-30T10:00:00.000Z' },
    { userId: 'u2', email: 'ana@example.org', name: 'Ana Ionescu', role: 'EDITOR', createdAt: '2026-11-30T10:00:00.000Z' },
  ];

  it('offers members after @ and inserts the chosen member’s handle', async () => {
    const { calls } = fakeFetch({ ...authRoutes(), 'GET /members': () => members, [`POST /claims/${CLAIM}/comments`]: (body) => ({ status: 201, body }) });
    render(withProviders(<CommentsSection claimId={CLAIM} comments={[]} canWrite />));
    const box = screen.getByRole('textbox', { name: /Add a comment/ });
    await userEvent.type(box, 'Please check, @fi');
    const list = await screen.findByRole('listbox', { name: 'Members to mention' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Lena Fischer@lena.f']);
    await userEvent.keyboard('{Enter}');
    expect(box).toHaveValue('Please check, @lena.f ');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    await userEvent.type(box, 'and @');
    expect(within(await screen.findByRole('listbox')).getAllByRole('option')).toHaveLength(2);
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(box).toHaveValue('Please check, @lena.f and @ana ');
    await userEvent.click(screen.getByRole('button', { name: 'Comment' }));
    await screen.findByRole('button', { name: 'Comment' });
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ body: 'Please check, @lena.f and @ana' });
  });
});
