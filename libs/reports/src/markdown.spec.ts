import { renderMarkdown, mdBlock, mdInline } from './markdown';
import type { ReportModel } from './model';
import { deepFreeze } from './testing/deep-freeze';
import { expectGolden } from './testing/golden';
import { HOSTILE_RATIONALE, CASTRO_CORRECTION, CASTRO_MEETING_QUOTE, sampleRangeReportModel, sampleReportModel } from './testing/sample-report';

/** The text of one entry: from its anchor to the next one. */
function entrySection(markdown: string, claimId: string): string {
  const start = markdown.indexOf(`<a id="claim-${claimId}"></a>`);
  expect(start).toBeGreaterThan(-1);
  const next = markdown.indexOf('<a id="claim-', start + 1);
  return markdown.slice(start, next === -1 ? undefined : next);
}

describe('renderMarkdown', () => {
  const model = deepFreeze(sampleReportModel());
  const markdown = renderMarkdown(model);

  it('matches the golden files', () => {
    expectGolden('sample.md', markdown);
    expectGolden('range.md', renderMarkdown(deepFreeze(sampleRangeReportModel())));
  });

  it('gives the same bytes for the same model', () => {
    expect(renderMarkdown(sampleReportModel())).toBe(markdown);
  });

  it('opens with the summary, then what changed, then corrections, then claims found accurate', () => {
    const order = ['## Summary', '## Correction to the corrections', '## Corrections', '## Checked and found accurate'].map((heading) => markdown.indexOf(`\n${heading}\n`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(markdown).toContain('- Claims checked: 5\n- Corrections needed: 2\n');
    expect(markdown).toContain('- By rating: True 1, Mostly true 1, Mixed 1, False 1, Unproven 1\n');
  });

  it('shows the Fidel Castro entry with its paragraph, verdict, correction, sources and approval', () => {
    const castro = entrySection(markdown, 'clm_castro_meeting');
    expect(castro).toContain('### Paragraph 5\n');
    expect(castro).toContain(`> ${CASTRO_MEETING_QUOTE}\n`);
    expect(castro).toContain('- **Verdict:** False\n');
    expect(castro).toContain(`- **Correction:** ${CASTRO_CORRECTION}\n`);
    expect(castro).toContain('[Fidel Castro](https://en.wikipedia.org/wiki/Fidel_Castro), Wikipedia (refutes)');
    expect(castro).toContain('- Approved by Ana Ionescu on 2024-07-12 14:03 UTC');
    expect(castro).toContain('*Changed in version 2*');
  });

  it('shows the hedges and attribution a claim carried', () => {
    const station = entrySection(markdown, 'clm_station_payments');
    expect(station).toContain('- **Hedges:** The article hedged this claim with ‘unconfirmed sources claim’ and ‘most likely’.\n');
    expect(markdown).not.toMatch(/\(hedge\)|HEDGE/);
    const loans = entrySection(markdown, 'clm_chinese_loans');
    expect(loans).toContain('- **Hedges:** The article hedged this claim with ‘an estimated’.\n');
    expect(loans).toContain('- **Attribution:** Boston University Global Development Policy Center\n');
  });

  it('says what changed since the previous version', () => {
    expect(markdown).toContain('This version replaces version 1: 1 entry added, 1 entry changed, 1 entry withdrawn.');
    expect(markdown).toContain('- Withdrawn: paragraph 2, “the economy shrank by roughly 35 percent in three years”');
    expect(markdown).toContain('- Added: [paragraph 11, “The Wall Street Journal reported in June 2023 that the two governments had…”](#claim-clm_wsj_facility)');
    // Ids stay in link targets; readers never see one.
    expect(markdown.replace(/\(#claim-[^)]*\)|<a id="claim-[^"]*"><\/a>/g, '')).not.toMatch(/clm\\?_/);
    const first = renderMarkdown({ ...sampleReportModel(), changesSinceLastVersion: null });
    expect(first).not.toContain('Correction to the corrections');
    expect(first).not.toContain('in version');
  });

  it('escapes markup and never links a javascript: URL', () => {
    expect(markdown).not.toMatch(/<script>|<b>|<i>/);
    expect(markdown).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(markdown).not.toMatch(/\]\(\s*javascript:/i);
    expect(markdown).toContain('Address given, not linked: javascript:alert(1)');
    // The rationale keeps its paragraph break inside the list item.
    const [first, second] = HOSTILE_RATIONALE.split('\n\n');
    expect(markdown).toContain(`- **Rationale:** ${mdInline(first)}\n\n  ${mdInline(second)}\n`);
  });

  it('says so when a section is empty', () => {
    const empty: ReportModel = { ...sampleReportModel(), corrections: [], accurate: [] };
    const text = renderMarkdown(empty);
    expect(text).toContain('## Corrections\n\nNo claim in this report needs a correction.\n');
    expect(text).toContain('No other claims were checked.');
  });

  it('groups a workspace-wide report by article', () => {
    const range = renderMarkdown(sampleRangeReportModel());
    expect(range).toMatch(/^# Corrections report: Standards Desk, 2024-07-01 to 2024-07-31\n/);
    const corrections = range.slice(range.indexOf('## Corrections'), range.indexOf('## Checked and found accurate'));
    const headings = [...corrections.matchAll(/^### Article: \[([^\]]+)\]/gm)].map((m) => m[1]);
    expect(headings).toEqual(['Havana’s Pivot East: What Cuba’s New Friendships Cost', 'Grain, sanctions and a summer of summits']);
    expect(corrections).toMatch(/#### Paragraph 5[\s\S]*#### Paragraph 11[\s\S]*### Article: \[Grain/);
  });
});

describe('Markdown escaping', () => {
  it('neutralises block syntax at the start of a line', () => {
    expect(mdInline('# not a heading')).toBe('\\# not a heading');
    expect(mdInline('- not a list')).toBe('\\- not a list');
    expect(mdInline('2023. Not a list')).toBe('2023\\. Not a list');
    expect(mdBlock('one\n> two\n\n= three', '  ')).toBe('one\\\n  \\> two\n\n  \\= three');
  });

  it('escapes emphasis, links, tables and entities but keeps ordinary punctuation', () => {
    expect(mdInline('*a* _b_ [c](d) |e| &lt; `f` Díaz-Canel, 2018!')).toBe('\\*a\\* \\_b\\_ \\[c\\](d) \\|e\\| \\&lt; \\`f\\` Díaz-Canel, 2018!');
  });
});
