// The claim panel's "Checked before": library matches with their reasons and conflicts, and "Same claim", which asks
// for the stance (none is preselected), sends the one chosen and offers the entry's rating to the verdict form.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ClaimLookAlikesDto, ClaimMatchesDto } from '@claimdesk/domain';
import { fakeFetch, withProviders } from '../../../test/render';
import { MatchesSection } from './MatchesSection';

const CLAIM_ID = '33333333-3333-4333-8333-333333333333';
const ENTRY_ID = '44444444-4444-4444-8444-444444444444';

const MATCHES: ClaimMatchesDto = {
  matches: [
    {
      entry: {
        id: ENTRY_ID,
        origin: 'import',
        importId: null,
        fileName: 'checks.csv',
        verdictId: null,
        claimId: null,
        claim: 'Miguel Díaz-Canel came to power in Cuba in 2018.',
        title: 'Díaz-Canel took office in 2018',
        rating: 'False',
        ratingKey: 'false',
        publisher: 'Island Checks',
        url: 'https://checks.example/diaz-canel',
        date: '2023-04-19',
        language: 'en',
        claimant: null,
        createdAt: '2026-11-30T09:30:00.000Z',
      },
      rank: 1,
      score: 0.97,
      strong: false,
      possible: true,
      reasons: {
        names: ['Miguel Díaz-Canel'],
        numbers: [],
        dates: [],
        conflicts: [{ kind: 'date', entry: '2018', claim: '2016', message: 'checked claim says 2018, this claim says 2016' }],
      },
    },
  ],
  libraryVersion: 3,
  stale: false,
};

describe('checked before, in the claim panel', () => {
  it('lists a match with its rating, publisher, link and conflict, and links it as a source with the stance chosen', async () => {
    const { calls } = fakeFetch({
      [`GET /claims/${CLAIM_ID}/matches`]: () => MATCHES,
      [`POST /claims/${CLAIM_ID}/matches/same`]: () => ({ status: 201, body: { source: {}, ratingKey: 'false' } }),
    });
    const offers: unknown[] = [];
    render(withProviders(<MatchesSection claimId={CLAIM_ID} canLink onOffer={(o) => offers.push(o)} />));
    const card = await screen.findByLabelText('Library match 1');
    expect(card).toHaveTextContent('Island Checks · 2023-04-19');
    expect(card).toHaveTextContent('False');
    expect(screen.getByRole('link', { name: 'Díaz-Canel took office in 2018' })).toHaveAttribute('href', 'https://checks.example/diaz-canel');
    expect(screen.getByRole('note')).toHaveTextContent('checked claim says 2018, this claim says 2016');
    expect(screen.queryByText('checked before')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Same claim' }));
    for (const label of ['Supports it', 'Contradicts it', 'Context']) expect(screen.getByRole('radio', { name: label })).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Add as source' })).toBeDisabled();
    await userEvent.click(screen.getByRole('radio', { name: 'Contradicts it' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add as source' }));
    await screen.findByText(/Added as a source; its rating is in the verdict form/);
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ entryId: ENTRY_ID, stance: 'REFUTES' }]);
    expect(offers).toEqual([{ ratingKey: 'false', rationale: expect.stringContaining('Island Checks rated this claim “False”') }]);
  });

  it('keeps weak matches behind a button, and says when the library has no likely match but shows the closest', async () => {
    const entry = MATCHES.matches[0].entry;
    const weak = (rank: number, id: string, claim: string, score: number) => ({
      ...MATCHES.matches[0],
      entry: { ...entry, id, claim, url: null, title: null },
      rank,
      score,
      possible: false,
      reasons: { names: [], numbers: [], dates: [], conflicts: [] },
    });
    fakeFetch({
      [`GET /claims/${CLAIM_ID}/matches`]: () => ({
        ...MATCHES,
        matches: [
          weak(1, '77777777-7777-4777-8777-777777777777', 'A defunct space station fell into the Pacific.', 0.08),
          weak(2, '88888888-8888-4888-8888-888888888888', 'Cuba sold its sugar harvest to China.', 0.01),
        ],
      }),
      [`GET /claims/${CLAIM_ID}/look-alikes`]: () => ({ similar: [] }),
    });
    render(withProviders(<MatchesSection claimId={CLAIM_ID} canLink={false} onOffer={() => undefined} />));
    await screen.findByText('No likely match in the library. The closest:');
    expect(screen.getByLabelText('Library match 1')).toHaveTextContent('weak match');
    expect(screen.queryByLabelText('Library match 2')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show 1 more weak match' }));
    expect(screen.getByLabelText('Library match 2')).toHaveTextContent('Cuba sold its sugar harvest to China.');
    expect(screen.queryByRole('button', { name: /weak matches/ })).not.toBeInTheDocument();
  });

  it('says the library is being prepared while its index is built, not that nothing matches', async () => {
    fakeFetch({
      [`GET /claims/${CLAIM_ID}/matches`]: () => ({ matches: [], libraryVersion: 0, stale: true }),
      [`GET /claims/${CLAIM_ID}/look-alikes`]: () => ({ similar: [] }),
    });
    render(withProviders(<MatchesSection claimId={CLAIM_ID} canLink={false} onOffer={() => undefined} />));
    await screen.findByText('Looking in the library… its index is being prepared.');
    expect(screen.queryByText('Nothing in the library matches this claim.')).not.toBeInTheDocument();
  });

  it('asks for unverified look-alikes once the matches are in, and lists them below with a link to their article', async () => {
    const LOOK_ALIKES: ClaimLookAlikesDto = {
      similar: [
        {
          claim: { id: '55555555-5555-4555-8555-555555555555', articleId: '66666666-6666-4666-8666-666666666666', text: 'Díaz-Canel took office in 2016', status: 'IN_RESEARCH', rating: null },
          articleTitle: 'Havana notebook',
          similarity: 0.71,
          verdict: null,
        },
      ],
    };
    const { calls } = fakeFetch({
      [`GET /claims/${CLAIM_ID}/matches`]: () => MATCHES,
      [`GET /claims/${CLAIM_ID}/look-alikes`]: () => LOOK_ALIKES,
    });
    render(withProviders(<MatchesSection claimId={CLAIM_ID} canLink={false} onOffer={() => undefined} />));
    const link = await screen.findByRole('link', { name: 'Díaz-Canel took office in 2016' });
    expect(link).toHaveAttribute('href', '/articles/66666666-6666-4666-8666-666666666666?claim=55555555-5555-4555-8555-555555555555');
    expect(screen.getByText('Havana notebook · 71% match')).toBeInTheDocument();
    expect(screen.getByText('Unverified look-alikes in this workspace')).toBeInTheDocument();
    const paths = calls.filter((c) => c.method === 'GET').map((c) => c.path);
    expect(paths.indexOf(`/claims/${CLAIM_ID}/matches`)).toBeLessThan(paths.indexOf(`/claims/${CLAIM_ID}/look-alikes`));
  });
});
