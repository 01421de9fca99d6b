// Article text and user strings are rendered as text: markup in them never becomes elements, and only http(s) URLs link.
import { render, screen } from '@testing-library/react';
import { createRef } from 'react';
import type { ClaimSourceDto } from '@claimdesk/domain';
import { SafeLink } from '../../lib/SafeLink';
import { withProviders } from '../../test/render';
import { SourceItem } from '../claims';
import { ClaimInParagraph } from '../review';
import { ArticleText } from './components/ArticleText';
import { segmentText } from './segments';

const HOSTILE = 'Intro <script>alert(1)</script> and <img src=x onerror=alert(1)> end.';

describe('hostile strings', () => {
  it('renders an article with script and img markup as plain text', () => {
    const claims = [{ id: 'c1', start: 6, end: 6 + '<script>alert(1)</script>'.length }];
    const { container } = render(
      <ArticleText
        text={HOSTILE}
        segments={segmentText(HOSTILE.length, claims, [])}
        tones={new Map([['c1', 'flagged']])}
        containerRef={createRef()}
        onClaimClick={jest.fn()}
        onClaimHover={jest.fn()}
        onSelectText={jest.fn()}
      />,
    );
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe(HOSTILE);
    expect(container.querySelector('[data-claims="c1"]')?.textContent).toBe('<script>alert(1)</script>');
  });

  it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)'])('shows the source URL %p as text, never as a link', (url) => {
    const { container } = render(withProviders(<SafeLink url={url}>Evil source</SafeLink>));
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain('Evil source');
  });

  it('links http(s) sources with noopener noreferrer', () => {
    render(withProviders(<SafeLink url="https://example.org/report">Report</SafeLink>));
    const link = screen.getByRole('link', { name: 'Report' });
    expect(link).toHaveAttribute('href', 'https://example.org/report');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link).toHaveAttribute('target', '_blank');
  });

  it('renders a hostile source title, excerpt and note as text', () => {
    const link: ClaimSourceDto = {
      id: 'l1',
      stance: 'REFUTES',
      excerpt: '<img src=x onerror=alert(1)>',
      note: '<script>alert(2)</script>',
      createdAt: '2026-01-01T00:00:00Z',
      source: { id: 's1', url: 'javascript:alert(1)', title: '<b>bold</b>', publisher: null, publishedAt: null, accessedAt: null, archiveUrl: null, kind: 'WEB', version: 1 },
    };
    const { container } = render(withProviders(<SourceItem link={link} />));
    expect(container.querySelector('img, script, b, a[href^="javascript"]')).toBeNull();
    expect(container.textContent).toContain('<b>bold</b>');
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(screen.getByText('Refutes')).toBeInTheDocument();
  });

  it('marks a claim inside a hostile paragraph without creating elements', () => {
    const { container } = render(withProviders(<ClaimInParagraph paragraph={HOSTILE} claim="<script>alert(1)</script>" />));
    expect(container.querySelector('script, img')).toBeNull();
    expect(container.querySelector('mark')?.textContent).toBe('<script>alert(1)</script>');
  });
});
