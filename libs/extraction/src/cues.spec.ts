// The epistemic cues a fact-checker relies on: hedges, speculation, sources, approximations.
import { extractClaims } from './claims';
import type { Cue, ExtractedClaim } from './types';

function claim(text: string): ExtractedClaim {
  const { claims } = extractClaims(text);
  expect(claims).toHaveLength(1);
  return claims[0];
}

function cues(text: string, type?: Cue['type']): string[] {
  return claim(text)
    .cues.filter((c) => !type || c.type === type)
    .map((c) => `${c.type}: ${c.text}`);
}

describe('hedges', () => {
  it.each([
    ['The convoy was reportedly stopped at the border.', 'hedge: reportedly'],
    ['The regime seems to be preparing a test.', 'hedge: seems'],
    ['This appears to be the work of Russia.', 'hedge: appears'],
    ['The rocket has been reported to carry a warhead.', 'hedge: has been reported'],
    ['Unconfirmed sources say the leader is ill.', 'hedge: Unconfirmed sources say'],
    ['The missiles could aid the Kremlin.', 'hedge: could'],
    ['Sales of 2 billion euros were expected by analysts.', 'hedge: expected'],
    ['The film cost a reported €3 million.', 'hedge: a reported'],
    ['The ministry may have underestimated the losses.', 'hedge: may'],
    ['The army most likely crossed the river at night.', 'hedge: most likely'],
    ['The deal potentially breaks the sanctions.', 'hedge: potentially'],
    ['The talks might collapse next week.', 'hedge: might'],
    ['He could have hidden the money abroad.', 'hedge: could'],
    ['The general is widely seen as the favourite.', 'hedge: seen as'],
    ['The reform was viewed as a threat by the unions.', 'hedge: viewed as'],
    ['He is regarded as the best director of his generation.', 'hedge: regarded as'],
    ['It appears that the talks have failed.', 'hedge: appears'],
    ['Some people consider the tax a theft.', 'hedge: consider'],
    ['Others view them as descendants of the Khazars.', 'hedge: view'],
    ['The painting is reputedly by Rembrandt.', 'hedge: reputedly'],
    ['He alleges that the mayor took bribes.', 'hedge: alleges'],
    ['Little is known about the new missile.', 'hedge: Little is known'],
    ['Some thought the game was offensive.', 'hedge: thought'],
    ['Accusations that the mayor took bribes spread in 2019.', 'hedge: Accusations'],
    ['If the ferry is not operating, the road is closed.', 'hedge: If'],
    ['There is no evidence that the mayor took bribes.', 'hedge: no evidence'],
    ['It is probable that the routes will share fares.', 'hedge: It is probable'],
    ['Suppose that the talks fail in March.', 'hedge: Suppose'],
  ])('%s', (text, expected) => {
    expect(cues(text, 'hedge')).toContain(expected);
  });

  it.each([
    'He appeared in court on Monday.',
    'He could not swim as a child.',
    'Elections were held in May.',
    'Theresa May met Emmanuel Macron in Paris.',
    'In regard to sanctions, the council met on Monday.',
    'In 1903 the Tsar gave Bobrikov dictatorial powers so that he could fire government officials.',
    'The council hired engineers who could repair the bridge.',
    'The phone rang before he could answer.',
    'He who has might stands above the law.',
    'The village is governed as if it were a town.',
    'A number is even if and only if it is divisible by two.',
    'The plan was well thought out by the council.',
    'The museum is highly regarded by architects.',
    'The school is regarded for its athletic teams.',
    'Christopher Lee was considered for the lead.',
    'The proposal was considered but rejected in 2019.',
    'Consider a vector of ten numbers.',
    'The sword is famous and it appears in several novels.',
    'Gracia appears as a character in Japanese fiction.',
    'He assumed command of the fleet in 1942.',
    'The council had to consider the risk of floods.',
    'She considered calling the police.',
    'As a first example, consider the river.',
    'It was a club where all could play.',
    'The engineers worked where the crew could see them.',
    'He brought a sense of joy, if fleeting, to the show.',
    'Turkey is controversial, considering its large population.',
    'The ship was saved by a quick-thinking sailor.',
    'Profit fell to 310 million euros, missing the 395 million euros expected by analysts.',
    'Profit rose more than expected in the third quarter.',
  ])('finds no hedge in "%s"', (text) => {
    expect(cues(text, 'hedge')).toEqual([]);
  });
});

describe('speculation', () => {
  it.each([
    ['It would be safe to assume that the talks failed.', 'speculation: It would be safe to assume'],
    ['Prices are expected to rise next year.', 'speculation: expected to'],
    ['Inflation will likely hit 5 percent by 2025.', 'speculation: will likely'],
  ])('%s', (text, expected) => {
    expect(cues(text, 'speculation')).toContain(expected);
    expect(claim(text).kind).toBe('prediction');
  });
});

describe('attribution', () => {
  it.each([
    ['According to the US Pentagon, 300 shells were sent.', 'the US Pentagon', 'According to the US Pentagon'],
    ['Officials say the plant was closed in 2023.', 'Officials', 'Officials say'],
    ['The plant was closed in 2023, officials said.', 'officials', 'officials said'],
    ['“We will fight on,” said the defence minister.', 'the defence minister', 'said the defence minister'],
    ['The study found that 40 percent of adults smoke.', 'The study', 'The study found'],
    ['Dr. Jane Smith, director of the institute, said 1 in 5 children are obese.', 'Dr. Jane Smith', 'Dr. Jane Smith, director of the institute, said'],
  ])('%s', (text, source, cue) => {
    const c = claim(text);
    expect(c.attribution).toBe(source);
    expect(c.cues).toContainEqual(expect.objectContaining({ type: 'attribution', text: cue }));
    expect(c.reasons).toContain(`attributed: ${source}`);
  });

  it('does not take an ordinary verb for a source', () => {
    expect(claim('Pyongyang found itself alone in 1991.').attribution).toBeNull();
    expect(claim('The claim that prices rose is false.').attribution).toBeNull();
  });

  it('reads a headline\'s "said to be" as hearsay, not as the subject speaking', () => {
    const headline = claim('Chipmaker said to be weighing $8bn sale of networking unit');
    expect(headline.attribution).toBeNull();
    expect(cues('Chipmaker said to be weighing $8bn sale of networking unit')).toEqual(['hedge: said to be']);
    expect(cues('Nexa reported to have cut 300 jobs in Leeds.', 'hedge')).toEqual(['hedge: reported to have']);
    // Said to someone is still said.
    expect(claim('The minister said to reporters that the deal was dead.').attribution).toBe('The minister');
  });
});

describe('approximations', () => {
  it('are cues only right before a number', () => {
    expect(cues('Over one million people died in less than five years.', 'approximation')).toEqual(['approximation: Over', 'approximation: less than']);
    expect(cues('The company employs some 3,000 people.', 'approximation')).toEqual(['approximation: some']);
    expect(cues('Some officials worried about the plan over the summer.', 'approximation')).toEqual([]);
  });
});

describe('questions', () => {
  it('marks a question with its question mark and never makes it check-worthy', () => {
    const q = claim('Did North Korea send 300 missiles to Russia in 2023?');
    expect(q.cues).toContainEqual(expect.objectContaining({ type: 'question', text: '?' }));
    expect(q.checkWorthy).toBe(false);
    expect(q.kind).toBe('other');
  });
});
