// Attaching a source: the stance has no default, so a debunking source is never filed as "Supports" by a slip.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeFetch, withProviders } from '../../../test/render';
import { SourcesSection } from './SourcesSection';

const CLAIM_ID = '33333333-3333-4333-8333-333333333333';

describe('attaching a source', () => {
  it('asks for the stance before sending, then sends the one chosen', async () => {
    const { calls } = fakeFetch({ [`POST /claims/${CLAIM_ID}/sources`]: () => ({ status: 201, body: {} }) });
    render(withProviders(<SourcesSection claimId={CLAIM_ID} sources={[]} canEdit />));
    await userEvent.click(screen.getByRole('button', { name: 'Attach a source' }));
    for (const label of ['Supports', 'Refutes', 'Context']) expect(screen.getByRole('radio', { name: label })).not.toBeChecked();

    await userEvent.type(screen.getByRole('textbox', { name: /Title/ }), 'Death of Fidel Castro, state television, 26 November 2016');
    await userEvent.click(screen.getByRole('button', { name: 'Attach source' }));
    expect(await screen.findByText('Choose whether the source supports the claim, refutes it or gives context')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    await userEvent.click(screen.getByRole('radio', { name: 'Refutes' }));
    await userEvent.click(screen.getByRole('button', { name: 'Attach source' }));
    await screen.findByRole('button', { name: 'Attach a source' });
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0].body).toMatchObject({ stance: 'REFUTES', source: { title: 'Death of Fidel Castro, state television, 26 November 2016' } });
  });
});
