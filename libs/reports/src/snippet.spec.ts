import { renderCorrectionSnippet } from './snippet';
import { deepFreeze } from './testing/deep-freeze';
import { CASTRO_CORRECTION, sampleReportModel } from './testing/sample-report';

const PAGE = 'https://corrections.example.org/public/reports/q3Jv9XbT0cW2nL5sYhR8kA';

describe('renderCorrectionSnippet', () => {
  const model = deepFreeze(sampleReportModel());

  it('gives plain text with one paragraph per correction, in the notice’s wording, and the public page', () => {
    const text = renderCorrectionSnippet(model, 'text', { reportUrl: PAGE });
    expect(text.startsWith('Corrections (')).toBe(true);
    expect(text).toContain(CASTRO_CORRECTION.replace(/\s+$/, ''));
    expect(text.split('An earlier version of this article said:')).toHaveLength(model.corrections.length + 1);
    expect(text).toContain(`: ${PAGE}`);
    expect(text).not.toMatch(/<[a-z]/i);
  });

  it('gives HTML with every user string escaped and only an http(s) link', () => {
    const hostile = sampleReportModel();
    hostile.corrections[0].correction = 'Fixed </aside><script>alert(1)</script>';
    const html = renderCorrectionSnippet(hostile, 'html', { reportUrl: 'javascript:alert(1)' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;/aside&gt;&lt;script&gt;');
    expect(html).not.toContain('javascript:');
    expect(renderCorrectionSnippet(model, 'html', { reportUrl: PAGE })).toContain(`<a href="${PAGE}">`);
  });

  it('says so when no correction was needed', () => {
    const accurate = { ...sampleReportModel(), corrections: [] };
    expect(renderCorrectionSnippet(accurate, 'text')).toContain('no correction was needed');
  });
});
