// Whole articles, written for these tests in the shapes newsrooms publish: a wire story with its furniture (byline,
// dateline, caption, notes) and an op-ed. Triage is judged claim by claim, as a desk would.
import { extractClaims } from './claims';
import type { ExtractedClaim } from './types';

const WIRE_STORY = `Port strike enters second week as talks stall

By Maria Lopes, Transport Correspondent

LISBON (AP) — Dock workers at the country's three largest container ports walked out on 3 March, and the strike has now cost exporters an estimated €450 million, according to the national chamber of commerce.

Dockers picket the gates of the container terminal on Tuesday. (AP Photo/João Silva)

The port authority reportedly offered a 4 percent wage increase on Tuesday, which the union rejected within hours.

Government sources suggest ministers are preparing emergency legislation that would force workers back to the quays.

Two senior officials who spoke on condition of anonymity said the draft agreement collapsed late on Wednesday.

Is the government right to intervene?

It is a disgrace that a modern economy can be held hostage like this.

The strike will probably end before Easter, one negotiator predicted.

The delays could get worse as ships queue offshore, the harbour master warned.

Container volumes fell 18% in February compared with a year earlier, the statistics office said on Monday.

Read more: How the 2019 strike reshaped the port

This article was amended on 14 March 2025 to correct the name of the chamber of commerce.

Ana Costa contributed reporting from Porto.

Copyright 2025 The Associated Press. All rights reserved.`;

const OP_ED = `Why our city must stop pretending about housing

Opinion by Daniel Okafor

Every winter the same ritual plays out. Politicians tour a shelter, promise action and disappear until the next election.

The numbers are stark. Rents in the city rose 42 percent between 2015 and 2024, while median wages rose 11 percent.

I have lived here for twenty years, and I have never seen it this bad.

Surely we can do better than this? What kind of city lets nurses sleep in their cars?

Only 1,200 affordable homes were completed last year, against a target of 5,000.

Developers, of course, will tell you that regulation is the problem. They would say that.

The truth is simpler: we have chosen not to build.

We should tax empty homes, fast-track social housing and stop treating every new tower as a threat.

If nothing changes, the crisis will only deepen, and a generation will give up on the city altogether.

It is time for the mayor to show some courage.

Daniel Okafor is a housing researcher and the author of "Locked Out".`;

function find(claims: ExtractedClaim[], start: string): ExtractedClaim {
  const found = claims.find((c) => c.text.startsWith(start));
  if (!found) throw new Error(`no claim starts with "${start}"`);
  return found;
}

describe('a wire story', () => {
  const { text, claims } = extractClaims(WIRE_STORY);

  it.each([
    'Dock workers at the country',
    'the strike has now cost exporters',
    'The port authority reportedly offered',
    'Government sources suggest ministers are preparing',
    'Two senior officials who spoke on condition of anonymity said',
    'Container volumes fell 18%',
  ])('marks the hedged, attributed or dated assertion "%s…" check-worthy', (start) => {
    expect(find(claims, start).checkWorthy).toBe(true);
  });

  it.each([
    ['By Maria Lopes', 'not a claim: byline'],
    ['Dockers picket the gates', 'not a claim: caption'],
    ['(AP Photo/João Silva)', 'not a claim: photo credit'],
    ['Is the government right', 'not a claim: question'],
    ['Read more:', 'not a claim: note'],
    ['This article was amended', 'not a claim: note'],
    ['Ana Costa contributed reporting', 'not a claim: byline'],
    ['Copyright 2025', 'not a claim: note'],
  ])('never marks "%s…" (%s)', (start, reason) => {
    const c = find(claims, start);
    expect(c.checkWorthy).toBe(false);
    expect(c.reasons).toEqual([reason]);
  });

  it.each(['It is a disgrace', 'The strike will probably end', 'The delays could get worse'])('holds the opinion or prediction "%s…" under the line', (start) => {
    expect(find(claims, start).checkWorthy).toBe(false);
  });

  it.each(['KYIV, Ukraine (AP) — ', 'NEW YORK — ', 'LONDON, 12 August 2025 – ', 'ROTTERDAM, Nov 28 (Reuters) - '])('leaves the dateline "%s" out of the claim', (dateline) => {
    const {
      claims: [first],
    } = extractClaims(`${dateline}Dock workers walked out on Thursday.`);
    expect(first.text).toBe('Dock workers walked out on Thursday.');
  });

  it('leaves the dateline out of the first claim', () => {
    expect(claims.some((c) => c.text.includes('LISBON'))).toBe(false);
    const first = find(claims, 'Dock workers');
    expect(text.slice(first.start - 'LISBON (AP) — '.length, first.start)).toBe('LISBON (AP) — ');
  });

  it('names the whole source, unnamed ones marked', () => {
    const anonymous = find(claims, 'Two senior officials');
    expect(anonymous.attribution).toBe('Two senior officials who spoke on condition of anonymity');
    expect(anonymous.unnamedSource).toBe(true);
    expect(find(claims, 'Container volumes').claimant).toBe('Statistics office');
  });
});

describe('an op-ed', () => {
  const { claims } = extractClaims(OP_ED);

  it('keeps well under half of its claims check-worthy: its figures, not its argument', () => {
    const checkWorthy = claims.filter((c) => c.checkWorthy).map((c) => c.text);
    expect(checkWorthy.length).toBeLessThan(claims.length / 3);
    expect(checkWorthy).toEqual(expect.arrayContaining(['Rents in the city rose 42 percent between 2015 and 2024', 'median wages rose 11 percent.']));
    expect(checkWorthy.some((t) => /stark|courage|tax empty homes|never seen/.test(t))).toBe(false);
  });

  it("reads the author's closing note as a byline", () => {
    expect(find(claims, 'Daniel Okafor is').reasons).toEqual(['not a claim: byline']);
  });
});
