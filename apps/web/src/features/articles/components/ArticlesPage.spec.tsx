// The Articles page of an empty workspace: writers are offered the sample article, which opens in the reader once imported.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ArticleDto, ImportResultDto } from '@claimdesk/domain';
import { authRoutes, fakeFetch, ME, renderScreen } from '../../../test/render';
import ArticlesPage from './ArticlesPage';

const SAMPLE: ArticleDto = {
  id: '22222222-2222-4222-8222-222222222222',
  title: 'Cuba and Russia: the sample',
  author: 'ClaimDesk',
  url: null,
  publishedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  revision: 1,
  claimCounts: { DETECTED: 12 },
  claimTotal: 12,
  checkWorthy: 9,
  checked: 0,
  orphaned: 0,
};
const RESULT: ImportResultDto = { article: SAMPLE, revisionId: 'r1', revision: 1, created: true, claims: { detected: 12, reanchored: 0, orphaned: 0, added: 12 } };

describe('ArticlesPage with no articles', () => {
  it('imports the sample article and opens it in the reader', async () => {
    const { calls } = fakeFetch({ ...authRoutes(), 'GET /articles': () => [], 'POST /articles/sample': () => RESULT });
    renderScreen(<ArticlesPage />, { route: '/articles', path: '/articles' });
    expect(await screen.findByText('No articles yet')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try the sample article' }));
    expect(await screen.findByTestId('location')).toHaveTextContent(`/articles/${SAMPLE.id}`);
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/articles/sample']);
  });

  it('says why when the sample cannot be imported, and stays on the page', async () => {
    fakeFetch({
      ...authRoutes(),
      'GET /articles': () => [],
      'POST /articles/sample': () => ({ status: 403, body: { statusCode: 403, code: 'FORBIDDEN', message: 'a viewer may not import articles', details: [] } }),
    });
    renderScreen(<ArticlesPage />, { route: '/articles', path: '/articles' });
    await userEvent.click(await screen.findByRole('button', { name: 'Try the sample article' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A viewer may not import articles');
    expect(screen.queryByTestId('location')).not.toBeInTheDocument();
  });

  it('offers viewers no import at all', async () => {
    fakeFetch({ ...authRoutes({ ...ME, role: 'VIEWER' }), 'GET /articles': () => [] });
    renderScreen(<ArticlesPage />, { route: '/articles', path: '/articles' });
    expect(await screen.findByText('No articles yet')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try the sample article' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Import/ })).not.toBeInTheDocument();
  });
});
