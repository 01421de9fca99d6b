import { escapeHtml, renderHtml } from './html';
import { deepFreeze } from './testing/deep-freeze';
import { expectGolden } from './testing/golden';
import { CASTRO_CORRECTION, sampleRangeReportModel, sampleReportModel } from './testing/sample-report';

const REPORT_URL = 'https://daily.example.org/corrections/havana-pivot-east';

function entryArticle(html: string, claimId: string): string {
  const start = html.indexOf(`<article class="entry`, html.indexOf(`id="claim-${claimId}"`) - 60);
  const end = html.indexOf('</article>', start);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, end);
}

describe('renderHtml', () => {
  const model = deepFreeze(sampleReportModel());
  const html = renderHtml(model, { reportUrl: REPORT_URL });

  it('matches the golden file', () => {
    expectGolden('sample.html', html);
  });

  it('is a self-contained, printable page', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
    expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|@import|url\(/i);
    expect(html).toContain(`default-src 'none'`);
    expect(html.endsWith('</html>\n')).toBe(true);
  });

  it('shows the Fidel Castro correction with its sources at the anchor ClaimReview links to', () => {
    const castro = entryArticle(html, 'clm_castro_meeting');
    expect(castro).toContain('<h3>Paragraph 5</h3>');
    expect(castro).toContain('Fidel Castro in November 2022');
    expect(castro).toContain(`<dt>Verdict</dt><dd><span class="label">False</span></dd>`);
    expect(castro).toContain(`<dd class="correction text">${CASTRO_CORRECTION}</dd>`);
    expect(castro).toContain('<span class="stance">Refutes</span> <a href="https://en.wikipedia.org/wiki/Fidel_Castro"');
    expect(castro).toContain('Approved by Ana Ionescu on 2024-07-12 14:03 UTC');
  });

  it('escapes every user string: no script runs and no javascript: link exists', () => {
    const withoutJsonLd = html.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '');
    expect(withoutJsonLd).not.toMatch(/<script/i);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<b>|<i>/);
    const hrefs = [...html.matchAll(/\bhref\s*=\s*"([^"]*)"/gi)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|#)/);
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
    expect(html).toContain('(address not linked: javascript:alert(1))');
    expect(html).toContain('href="https://news.example.org/world?id=24&amp;lang=%22en%22"');
    expect(html).not.toMatch(/\son\w+\s*=/i);
  });

  it('embeds the ClaimReview JSON-LD only when the report URL is known, safe inside its script element', () => {
    const block = /<script type="application\/ld\+json">\n([\s\S]*?)<\/script>/.exec(html);
    expect(block).not.toBeNull();
    expect(block![1]).not.toContain('<');
    const graph = JSON.parse(block![1])['@graph'];
    expect(graph).toHaveLength(5);
    expect(graph[0].url).toBe(`${REPORT_URL}#claim-clm_castro_meeting`);
    expect(renderHtml(model)).not.toMatch(/<script/i);
  });

  it('cites each captured source with its capture date and SHA-256, linking the live page and the archived text', () => {
    const castro = entryArticle(html, 'clm_castro_meeting');
    expect(castro).toContain('href="https://en.wikipedia.org/wiki/Fidel_Castro"');
    expect(castro).toContain('captured 2024-07-11 09:41 UTC, SHA-256 3f7a9c2e5b1d8f4a6c0e2b9d7f5a3c1e8b6d4f2a0c9e7b5d3f1a8c6e4b2d0f9a');
    expect(castro).toContain('href="https://corrections.example.org/public/reports/q3Jv9XbT0cW2nL5sYhR8kA/sources/6a0c3f5e-8b1d-4e2a-9c7f-1d3e5a7b9c2e"');
    // A capture without a public archive (a draft) is cited by date and hash, with no archive link.
    expect(castro).toContain('captured 2024-07-11 09:42 UTC, SHA-256 a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90</span>');
    expect(castro.match(/archived text/g)).toHaveLength(1);
  });

  it('never links an archived-text address that is not http(s)', () => {
    const hostile = sampleReportModel();
    hostile.corrections[0].sources[0].capture!.archivedUrl = 'javascript:alert(1)';
    const out = renderHtml(hostile);
    expect(out).not.toContain('href="javascript:');
    expect(out).not.toContain('alert(1)">archived text');
    expect(out).toContain('SHA-256 3f7a9c2e');
  });

  it('marks what changed since the previous version', () => {
    expect(html).toContain('<h2 id="changes">Correction to the corrections</h2>');
    expect(html).toContain('<a href="#claim-clm_wsj_facility">paragraph 11, “The Wall Street Journal reported in June 2023 that the two governments had…”</a>');
    expect(html).toContain('<li>Withdrawn: paragraph 2, “the economy shrank by roughly 35 percent in three years”</li>');
    expect(entryArticle(html, 'clm_wsj_facility')).toContain('<p class="change-note">New in version 2</p>');
  });

  it('groups a workspace-wide report by article', () => {
    const range = renderHtml(sampleRangeReportModel());
    expect(range).toContain('<h3>Article: <a href="https://daily.example.org/world/grain-sanctions"');
    expect(range).toContain('<h4>Paragraph 1</h4>');
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
