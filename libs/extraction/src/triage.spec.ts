// Triage a desk can trust: what is check-worthy, who makes the claim, and in which order to check.
import { SAMPLE_ARTICLE } from '@claimdesk/domain';
import { extractClaims } from './claims';
import type { ExtractedClaim } from './types';

function claim(text: string): ExtractedClaim {
  const { claims } = extractClaims(text);
  expect(claims).toHaveLength(1);
  return claims[0];
}

/** The claims of a story of these paragraphs, found by how they start. */
function story(paragraphs: string[]): (start: string) => ExtractedClaim {
  const { claims } = extractClaims(paragraphs.join('\n\n'));
  return (start) => {
    const found = claims.find((c) => c.text.startsWith(start));
    if (!found) throw new Error(`no claim starts with "${start}"`);
    return found;
  };
}

describe('check-worthiness', () => {
  it.each([
    'Local traders allegedly paid the inspectors in 2021.',
    'Negotiators allegedly came close to a deal on Thursday.',
    'The harbour master reportedly took bribes from three shipping firms in 2019.',
    'Officials familiar with the negotiations say the draft collapsed in March.',
    'Unnamed officials said the mayor had signed the contract before the vote.',
    'Sources say the convoy crossed the border at night.',
    'Researchers at the national statistics office calculate that 2.1 million people left the country.',
    'Government sources suggest ministers are preparing emergency legislation.',
    'Unnamed officials at the department are understood to be drawing up plans to use private clinics.',
    'Some 12,000 homes may have been damaged, according to preliminary estimates.',
    'The government must repay $5 billion to the fund by 2025.',
    "The agency contributed to the report's findings in 2021.",
    'Sources say the president is seriously ill.',
    'People familiar with the talks say a deal with junior doctors is close.',
    'The report was updated in March 2024 to include 300 more deaths.',
    'It seemed likely that the minister had signed the order in 2019.',
    "Former Ajax coach Marco Diaz is understood to be the club's first choice to replace him.",
    'The president is reportedly seriously ill.',
    'The party is reportedly planning to field candidates in every seat at the next election, which must be held by May 2029.',
    // A first person inside a quotation is the quoted speaker's, not the writer's own view.
    'The claim appears to have started on a community forum in November, where a user wrote that "they\'re coming for our boilers next".',
    // The tagger reads "releases" and "show" as nouns: the verb of saying is a verb all the same.
    'Burning plastic releases toxic fumes, studies show.',
  ])('keeps a hedged or attributed factual assertion check-worthy: "%s"', (text) => {
    expect(claim(text).checkWorthy).toBe(true);
  });

  it.each([
    'We have a higher unemployment rate in this country than Great Britain and West Germany.',
    'She voted against the sanctions bill in the Senate and, obviously, the administration had to withdraw the troops from the border or the supply routes would have been cut off entirely.',
    'He inherited the worst financial crisis since the Great Depression.',
    // A reported view that carries a figure, and a word of judgement that names a kind of thing.
    'The minister said the policy was a disaster that cost 5,000 jobs.',
    'The governor signed a disaster declaration for 15 counties on Friday.',
  ])('keeps a factual assertion check-worthy when an opinion word is part of a name, an aside in a long report or a superlative measured against a record: "%s"', (text) => {
    expect(claim(text).checkWorthy).toBe(true);
  });

  it.each([
    'Could the government have prevented the floods?',
    'Is the mayor simply buying time?',
    'The president seems untouchable.',
    'The new coalition looks strangely fragile.',
    'That promise is hard to take seriously.',
    'I think we should cut taxes.',
    'It would be safe to assume the talks will fail.',
    'The opposition will never win another election.',
    'Written by Maria Kowalska, Edited by Jonas Berg',
    'Photo credit: Reuters',
    'The strike will probably end before Easter, one negotiator predicted.',
    'The death toll could rise further as rescue teams reach remote villages, the regional governor warned.',
    'The numbers are stark.',
    'Sarah Chen contributed reporting from Manchester.',
    'Reuters contributed to this report.',
    'This article was amended on 5 June 2024 to correct the name of the department.',
    "Correction: An earlier version of this story misstated the minister's age.",
    'Read more: How the 2019 drought reshaped the valley',
    'Sign up for our daily newsletter to get the latest news.',
    'Copyright 2024 Associated Press. All rights reserved.',
    'Critics say the plan is unfair.',
    'Though small and poor, the state should not be underestimated because of its quiet diplomacy.',
    'The new leader seems to be even more intent on pursuing the mission than his father was.',
    'The alliance seems like the only way for the regime to survive.',
    'Prices may not fall any further, the governor warned.',
    'The mayor speaks to reporters outside city hall on Tuesday. Image: Jane Doe / Unsplash',
    'The town hall was destroyed in the fire in 2023. (AP Photo/Ben Curtis)',
    'This appears to be the work of a cautious government that wants to gather its neighbours, united by a shared distrust of the West.',
    'The coalition’s comeback seemed truly unlikely ten years ago, after the scandals of the early 2000s.',
    'She was arguably the most influential architect of her generation.',
    'Some people say the models are too pessimistic.',
    'He can have another ten seconds if he wants.',
    'Well, there are a range of things that are probably going to have to be delayed.',
    'Maybe you put off buying a new car last year.',
    'If confirmed, the finding would push the known range thousands of kilometres further south.',
    'For more information, visit www.greenfield-energy.example.',
    'This interview has been edited for length and clarity.',
    'For now, the junta might not have the ability to directly threaten its neighbours, as it offers only limited support to its allies in the region.',
    // A view reported is still a view.
    'The minister said the policy was a disaster.',
    'Critics say the plan is unfair and badly designed.',
    'The opposition leader called the budget a betrayal of working families.',
  ])('does not mark a question, opinion, prediction, byline or credit: "%s"', (text) => {
    expect(extractClaims(text).claims.every((c) => !c.checkWorthy)).toBe(true);
  });

  it("does not mark the author's note that ends an op-ed, but keeps a person's role stated in the story", () => {
    const { claims } = extractClaims('Rents rose 42 percent in a decade.\n\nDaniel Okafor is a housing researcher and the author of "Locked Out".');
    expect(claims.map((c) => [c.text.slice(0, 13), c.checkWorthy, c.reasons.includes('not a claim: byline')])).toEqual([
      ['Rents rose 42', true, false],
      ['Daniel Okafor', false, true],
    ]);
    expect(claim('Daniel Okafor, a housing researcher, was arrested in 2019 for fraud.').checkWorthy).toBe(true);
  });

  it.each([
    'The department did not respond to a request for comment.',
    'The company declined to comment.',
    'Police have been contacted for comment.',
    'The firm did not immediately respond to requests for comment on Friday.',
    'Downing Street declined to comment on the report.',
    'Anyone with information is asked to call 101, quoting reference 43240056789.',
    'We contacted the account that shared it but did not receive a reply.',
    'It did not say what those improvements were.',
    'The company declined to say which divisions would be hit hardest.',
  ])('reads a request for comment or an appeal for witnesses as a note about the reporting, not a claim: "%s"', (text) => {
    expect(claim(text).reasons).toEqual(['not a claim: note']);
  });

  it('marks a claim the sentence itself says is disputed, even one about what is to come', () => {
    for (const text of [
      'Campaigners claim the line will destroy 60 ancient woodlands, a figure the government disputes.',
      'Consumer groups have accused retailers of profiting from the crisis, a charge the industry rejects.',
    ]) {
      const c = claim(text);
      expect([c.checkWorthy, c.reasons.includes('disputed in the text')]).toEqual([true, true]);
    }
    expect(claim('The government rejected the bill in March.').reasons).not.toContain('disputed in the text');
  });

  it('does not mark a sentence that states only what is not known, unless it presupposes a figure or a date', () => {
    expect(claim('It is unclear how many hospitals used the affected system.').checkWorthy).toBe(false);
    expect(claim('It remains unclear whether the bridge will reopen.').checkWorthy).toBe(false);
    expect(claim('It is unclear why the minister resigned in March 2023.').checkWorthy).toBe(true);
  });

  it('keeps what a refusal to comment is about when the sentence states it', () => {
    expect(claim('The minister declined to comment on claims that he lied about the 2019 budget to parliament in March.').reasons).not.toContain('not a claim: note');
  });

  it('keeps a claim made beside a refusal to say more', () => {
    expect(claim('The minister did not say how the scheme would be funded, but confirmed it would cost £2bn.').reasons).not.toContain('not a claim: note');
  });

  it('keeps a claim made before a refusal to comment in the same sentence', () => {
    const hedged = claim('The phone reportedly uses a screen made by the Chinese supplier BOE, although Nordlys declined to comment on its suppliers.');
    expect([hedged.checkWorthy, hedged.reasons]).toEqual([true, expect.arrayContaining(['hedged: reportedly'])]);
    expect(claim('The bank confirmed the sale of its Irish branches, but declined to comment.').reasons).not.toContain('not a claim: note');
    expect(claim('The company, which employs 300 people, declined to comment.').reasons).toEqual(['not a claim: note']);
  });

  it('reads a credited paragraph as a caption, and only that paragraph', () => {
    const { claims } = extractClaims('The town hall was destroyed in the fire in 2023. (AP Photo/Ben Curtis)\n\nThe town hall was destroyed in the fire in 2023.');
    expect(claims.map((c) => [c.paragraph, c.checkWorthy, c.reasons[0]])).toEqual([
      [0, false, 'not a claim: caption'],
      [0, false, 'not a claim: photo credit'],
      [1, true, 'dated event'],
    ]);
  });

  it('a hedge raises the priority of a factual assertion, it does not lower its score below the line', () => {
    const hedged = claim('Local traders allegedly paid the inspectors in 2021.');
    const plain = claim('Local traders paid the inspectors in 2021.');
    expect(hedged.triage).toBe(1);
    expect(hedged.score).toBeGreaterThanOrEqual(0.5);
    expect(plain.triage).toBeGreaterThan(hedged.triage);
  });

  it('keeps an opinion piece well under half check-worthy', () => {
    const opinion = [
      'The mayor has lost the plot.',
      'Nobody in this city believes a word he says any more.',
      'His supporters seem blind to the damage.',
      'It is crucial for the council to stay alert.',
      'Will anyone stand up to him?',
      'The budget passed in March cut library funding by 12 percent.',
      'Frankly, the whole affair looks shameful.',
      'We deserve better than this.',
      'The next election will be a reckoning.',
      'Something has to change.',
    ].join(' ');
    const { claims } = extractClaims(opinion);
    const checkWorthy = claims.filter((c) => c.checkWorthy);
    expect(checkWorthy.length).toBeLessThan(claims.length / 3);
    expect(checkWorthy.map((c) => c.text)).toContain('The budget passed in March cut library funding by 12 percent.');
  });
});

describe('attribution', () => {
  it('reads a verb of saying that ends the sentence after its object as a noun', () => {
    expect(claim('Independent testers have not yet been able to verify the battery claims.').attribution).toBeNull();
    expect(claim('The minister rejected the union claims.').attribution).toBeNull();
    expect(claim('Prices will rise next year, the minister claims.').attribution).toBe('the minister');
  });

  it('finds a source after the verb whose role opens on a word the tagger reads as a verb, past a quotation that ends on a verb', () => {
    const c = claim('"This is the largest amount of water ever found in this part of Mars," said lead author Thomas Watters of the Smithsonian Institution.');
    expect([c.attribution, c.claimant]).toEqual(['lead author Thomas Watters of the Smithsonian Institution', 'Thomas Watters']);
    expect(claim('"We will appeal against the ruling," said managing director Jo Bell.').claimant).toBe('Jo Bell');
  });

  it('keeps how a source knows in its phrase, and names no source that denies, or says nothing', () => {
    expect(claim('The two brewers have been discussing a deal since the summer, according to three people briefed on the talks.').attribution).toBe('three people briefed on the talks');
    expect(claim('Experts not involved in the research cautioned that people who walk more may already be healthier.').attribution).toBe('Experts not involved in the research');
    expect(extractClaims('A senior commander had been killed in the Kherson region, but this has not been confirmed by Moscow.').claims.map((c) => c.attribution)).toEqual([null, null]);
    expect(claim('The figures were confirmed by the ministry on Monday.').attribution).toBe('the ministry');
    expect(claim('Neither side has said.').attribution).toBeNull();
  });

  it('reads a name whose words the tagger takes for a verb and a preposition, a second verb after an opening phrase, and a document by its owner', () => {
    expect(claim('However, a spokesperson for the Department for Levelling Up said the government had built 2.5 million homes since 2010.').claimant).toBe('Department for Levelling Up');
    expect(claim('In a statement, the airline blamed a shortage of staff and said all refunds had now been paid.').attribution).toBe('the airline');
    const of = story(['The watchdog Transparency Group published its findings on Monday.', "The group's report says that campaign spending rose by a third compared with the last election."]);
    expect(of('The group').claimant).toBe('Transparency Group');
    expect(claim("The group's report says that campaign spending rose by a third.").claimant).toBe('Group');
    expect(claim('Four of the officers have been sacked and three received final written warnings, the Met said.').attribution).toBe('the Met');
    expect(claim('The hunter-gatherers had dark skin and blue eyes, according to earlier research on the skeleton known as Cheddar Man.').attribution).toBe('earlier research');
  });

  it('reads "They found" after a claim a group of researchers opened as theirs', () => {
    const of = story([
      'The first farmers in Britain were descended from people from Anatolia, a genetic study suggests.',
      'Researchers from the Natural History Museum and University College London analysed DNA from 73 skeletons.',
      'They found that the farmers largely replaced the hunter-gatherers.',
    ]);
    expect(of('They found').claimant).toBe('Researchers from the Natural History Museum and University College London');
    // Without such a group, they are the nearest source.
    expect(story(['The first farmers came from Anatolia, a genetic study suggests.', 'They found that the farmers replaced the hunter-gatherers.'])('They found').claimant).toBe('Genetic study');
  });

  it('names the speaker outside a quotation, a live blog source without its time, and whole descriptions', () => {
    const quoted = claim('"I was overweight, I smoked, and my doctor told me I was heading for a heart attack," she says, sitting in her kitchen.');
    expect(quoted.attribution).toBe('she');
    expect(claim('14:05 Firefighters say the blaze near Marseille has now burned more than 3,000 hectares.').attribution).toBe('Firefighters');
    expect(claim("Last year she set a British age-group record for the 100km distance, according to the sport's governing body.").attribution).toBe("the sport's governing body");
    expect(claim('A post shared widely on social media claims the UK "still sends £2bn a week" to the European Union.').attribution).toBe('A post shared widely on social media');
    expect(claim('Chief executive Priya Nair blamed "a tough consumer environment" and the cost of price cuts on 2,000 products.').claimant).toBe('Priya Nair');
  });

  it('reads "claims" before another verb as a noun, and a stock apology as no opinion', () => {
    expect(claim('The backlog of asylum claims stood at 90,800 at the end of June, its lowest level since 2021.').attribution).toBeNull();
    expect(claim('Insurance claims rose by 12% last year.').attribution).toBeNull();
    expect(claim('The minister said recorded crime fell by 4% last year.').attribution).toBe('The minister');
    const recall = claim('The manufacturer, NutriStart Ltd, said it had recalled the products "as a precaution" and apologised for any concern.');
    expect([recall.checkWorthy, recall.reasons]).toEqual([true, expect.not.arrayContaining(['reads as opinion'])]);
  });

  it('finds a figure put on something, a label "as", a ruling, and a finding of "there was"', () => {
    expect(claim('An independent monitoring group, the Public Assembly Archive, estimated the crowd at 275,000 to 325,000.').claimant).toBe('Public Assembly Archive');
    expect(claim('Police put the number at 107,000.').attribution).toBe('Police');
    expect(claim('He put the book on the table and left.').attribution).toBeNull();
    expect(claim('President Aleksandar Vucic has dismissed the protesters as being paid by foreign intelligence services.').claimant).toBe('Aleksandar Vucic');
    expect(claim('Five justices found there was a real risk that people sent to Rwanda would be returned.').attribution).toBe('Five justices');
    expect(claim('The Supreme Court has ruled unanimously that the plan is unlawful.').attribution).toBe('The Supreme Court');
    expect(claim('The minister ruled out a deal with the unions in March.').attribution).toBeNull();
    expect(claim('The waiting list fell to 7.4 million in September, NHS England figures show.').claimant).toBe('NHS England');
    expect(claim('Beer sales have fallen by 6% since 2019, industry figures show.').claimant).toBe('Industry figures');
  });

  it('finds a source before a participle clause, "the company behind" something, and "added" only as saying', () => {
    expect(claim("Britain's economy contracted by 0.1% in October, official figures showed on Friday, confounding expectations of modest growth.").attribution).toBe('official figures');
    expect(claim('The company behind the chatbot said it had made significant improvements since the research was carried out.').attribution).toBe('The company behind the chatbot');
    expect(claim("Some researchers suggest the El Niño weather pattern added up to 0.2C to last year's temperatures.").attribution).toBe('Some researchers');
    expect(claim('The war added £3bn to the national debt in 2023.').attribution).toBeNull();
    expect(claim('He added that the talks would resume in March.').attribution).toBe('He');
  });

  it('gives "its annual report" the body the claim or the story named before it', () => {
    expect(claim('Microsoft employed 228,000 people at the end of June last year, according to its annual report.').claimant).toBe('Microsoft');
    const of = story(['Microsoft is cutting about 6,000 jobs, the company confirmed on Tuesday.', 'Sales fell 3% last year, according to its annual report.']);
    expect(of('Sales fell').claimant).toBe('Microsoft');
    expect(claim('Sales fell 3% last year, according to its annual report.').claimant).toBeNull();
  });

  it('leaves a list marker or a live blog time out of the claim, and reads "It says" after an answer that names a body', () => {
    const items = extractClaims(
      '- The minimum wage will rise by 4.1% to £12.71 an hour from April.\n\n14:05 Firefighters say the blaze has burned more than 3,000 hectares.\n\n10.5 million people voted.',
    ).claims;
    expect(items.map((c) => c.text)).toEqual([
      'The minimum wage will rise by 4.1% to £12.71 an hour from April.',
      'Firefighters say the blaze has burned more than 3,000 hectares.',
      '10.5 million people voted.',
    ]);
    const of = story(['Who enforces it?', 'The regulator Ofcom. It says it has opened investigations into 34 websites since March.']);
    expect(of('It says').claimant).toBe('Ofcom');
  });

  it('finds the source of a participle of saying, a body whose document it is, and a tracker by whoever keeps it', () => {
    expect(claim('A group of authors has sued the artificial intelligence company Anthropic, alleging it trained its chatbot on pirated books.').attribution).toBe('A group of authors');
    expect(claim('Mwangi, who won 200m silver at the Paris Olympics, had denied wrongdoing, claiming that the substance came from contaminated meat.').claimant).toBe('Mwangi');
    expect(claim("Kenya has more than 130 athletes currently serving bans, according to the AIU's records, the most of any country.").claimant).toBe('AIU');
    expect(claim('It is one of more than 30 copyright cases brought against AI developers in the US, according to a tracker maintained by the law firm Baker & Hostetler.').claimant).toBe(
      'Baker & Hostetler',
    );
    expect(claim('It is raining in Leeds, saying nothing about the summer.').attribution).toBeNull();
  });

  it('names who expects or forecasts what is to come, not a passive expectation', () => {
    expect(claim('The Bank of England expects overall inflation to rise again later this year, peaking at around 3.7% in September.').claimant).toBe('Bank of England');
    expect(claim('Analysts had expected sales to rise by about 1%.').attribution).toBe('Analysts');
    expect(claim('No party is expected to win an outright majority in the election.').attribution).toBeNull();
    expect(claim('The deal, expected to close in March, will create 300 jobs.').attribution).toBeNull();
  });

  it('gives "it said" the company a trade described before', () => {
    const of = story([
      'Supermarket chain Greenvale has cut its full-year profit forecast for the second time in four months.',
      'Like-for-like sales fell 2.1% in the 12 weeks to 28 September, it said in a trading update on Tuesday.',
    ]);
    expect(of('Like-for-like').claimant).toBe('Greenvale');
  });

  it('gives words quoted as a label to the one who chose them', () => {
    expect(claim('But the shadow chancellor, Mel Stride, called the decision "a tax on working people who have no choice but to drive".').claimant).toBe('Mel Stride');
    expect(claim('Campaigners described the plan as "reckless and cruel".').claimant).toBe('Campaigners');
    expect(claim('She called her mother on Sunday to say the flight had landed.').attribution).toBeNull();
    // A name for a thing is no claim of the one who coined it.
    expect(claim('When the subsidies ended in 1991, the island entered what Fidel Castro called the “Special Period”.').attribution).toBeNull();
  });

  it.each([
    ['Officials familiar with the negotiations say the draft collapsed.', 'Officials familiar with the negotiations', true],
    ['Economists at the central bank estimate that prices rose 9 percent.', 'Economists at the central bank', false],
    ['Researchers at the national statistics office calculate that 2.1 million people left.', 'Researchers at the national statistics office', false],
    ['People familiar with the matter said the deal was signed in secret.', 'People familiar with the matter', true],
    ['Unnamed officials said the minister had resigned.', 'Unnamed officials', true],
    ['The draft collapsed, officials familiar with the negotiations said.', 'officials familiar with the negotiations', true],
    ['The plan was announced by the Ministry of Defence on Friday.', 'the Ministry of Defence', false],
    ['The figures were cited by the opposition leader in parliament.', 'the opposition leader', false],
    ['The ministry warned that grain stocks had fallen by a third.', 'The ministry', false],
    ['The Harbour Gazette reported in June 2023 that the port had been sold.', 'The Harbour Gazette', false],
    ['Prices rose 4 percent last year, according to the US Pentagon.', 'the US Pentagon', false],
    ['Two senior diplomats who spoke on condition of anonymity said the embassy had been evacuated.', 'Two senior diplomats who spoke on condition of anonymity', true],
    ['According to a report by the International Energy Agency, coal demand reached a record in 2023.', 'the International Energy Agency', false],
    ['The figure was first reported by the Financial Times last week.', 'the Financial Times', false],
    ['Analysts at Goldman Sachs estimate the deal is worth $12 billion.', 'Analysts at Goldman Sachs', false],
    ['Intelligence officials believe the missile was launched from a mobile platform.', 'Intelligence officials', true],
    ['Opposition politicians accused the government of cutting flood defence budgets by a third since 2019.', 'Opposition politicians', false],
    ['An internal memo seen by the Guardian shows the ministry knew about the risks in 2021.', 'An internal memo seen by the Guardian', false],
    ['The owners held talks with two candidates, according to people familiar with the matter.', 'people familiar with the matter', true],
    ['According to people close to the board, the owners held talks on Sunday.', 'people close to the board', true],
    ['Inflation rose to 9 percent, according to economists at the central bank.', 'economists at the central bank', false],
    ['Inflation rose to 9 percent, according to figures from the Office for National Statistics.', 'the Office for National Statistics', false],
    ['The ceasefire held, according to witnesses in the town at the weekend.', 'witnesses in the town', true],
    ['Lisle hid the payments in an offshore account in Jersey, the court heard.', 'the court', false],
    ['The defendant hid the money in a shed, the jury was told.', 'the jury', false],
    ['The Green candidate has conceded in Castleford East, according to our reporter at the count.', 'our reporter at the count', false],
    ['The Harbour Gazette has reported that the port had been sold.', 'The Harbour Gazette', false],
    ['Prices rose 4 percent last year, the study found.', 'the study', false],
    ['A glass of wine a day may raise the risk by up to 9%, a large study has found.', 'a large study', false],
    ['Prices rose 4 percent, figures from the ONS showed.', 'figures from the ONS', false],
    ['The army has withdrawn from the city, state media reported on Sunday.', 'state media', false],
    ['The supplier, MedSys, said it had found no evidence that the data had been published.', 'MedSys', false],
    ['The judge, Mrs Justice Hale, told him he had betrayed the trust of voters.', 'Mrs Justice Hale', false],
    ['The company, which employs 300 people, said profits fell.', 'The company', false],
    ['Officials have repeatedly said that the bridge was unsafe.', 'Officials', true],
    ['The ministry has estimated that 4,000 homes were damaged.', 'The ministry', false],
    ['Consumer groups have accused retailers of profiting from the crisis.', 'Consumer groups', false],
    ['The employers offered a 4.5% rise, people briefed on the talks told Reuters.', 'people briefed on the talks', true],
    ['In a campaign video posted on 3 October, Mayor Lena Park said crime had fallen by 20%.', 'Mayor Lena Park', false],
    ['Criminologists caution that recorded crime is an imperfect measure.', 'Criminologists', false],
    ['Surveys of victims suggest violent crime has been broadly flat since 2019.', 'Surveys of victims', false],
    ['The researchers believe she was a Denisovan.', 'The researchers', false],
    ['Police figures show recorded violent crime fell by 8% between 2021 and 2024.', 'Police figures', false],
    ['NHS England data shows about 3 million patients have been waiting more than 18 weeks.', 'NHS England data', false],
    ['Scottish and Southern Electricity Networks said 22,000 customers had been reconnected.', 'Scottish and Southern Electricity Networks', false],
    ['A post shared more than 20,000 times on Facebook claims the council has banned gas boilers.', 'A post shared more than 20,000 times on Facebook', false],
    ['The man arrested on Friday told police he had been paid 500 pounds.', 'The man arrested on Friday', false],
    ['A survey carried out in June found that 40% of voters backed the plan.', 'A survey carried out in June', false],
    ['The chief executive received £400,000 in fees from a supplier, documents seen by this newspaper show.', 'documents seen by this newspaper', false],
    ['Invoices and bank statements show that the payments were made in 2019.', 'Invoices and bank statements', false],
    ['Prices rose 4% in May, police and fire officials said.', 'police and fire officials', true],
    ['He met the minister and officials said the talks had failed.', 'officials', true],
    ['Figures published by the ministry show that prices rose 4% in May.', 'the ministry', false],
    ['The bones show the child was female, the team said.', 'the team', false],
    ['Prices rose 4% in May, studies have shown.', 'studies', false],
    ['She said Whitfield had shown "no genuine remorse".', 'She', false],
  ])('%s → %s', (text, source, unnamed) => {
    const c = claim(text);
    expect(c.attribution).toBe(source);
    expect(c.unnamedSource).toBe(unnamed);
    expect(c.reasons.includes('unnamed source')).toBe(unnamed);
  });

  it('does not take a time for the source a relative clause qualifies ("in the past six weeks that they reported")', () => {
    expect(claim('Two ambassadors, in succession - both have indicated in the past six weeks that they reported to Washington that Castro was a Marxist.').attribution).toBe('they');
  });

  it('does not read "the United States" as a source that states something', () => {
    expect(claim('More than 500,000 people have left for the United States since 2022.').attribution).toBeNull();
  });

  it('does not read a verb without a complement as a report ("the floods have claimed 30 lives")', () => {
    expect(claim('The floods have claimed 30 lives since Monday.').attribution).toBeNull();
    expect(claim('The storm had claimed the pier by nightfall.').attribution).toBeNull();
    expect(claim('The minister found the report useful.').attribution).toBeNull();
    expect(claim('The minister found the report useful on Monday.').attribution).toBeNull();
    expect(claim('The report concluded.').attribution).toBeNull();
  });

  it('does not read a noun after a possessive or a verb as a report ("watch Friday\'s jobs report for signs")', () => {
    expect(claim("Investors will watch Friday's jobs report for signs that the labour market is slowing.").attribution).toBeNull();
  });

  it('keeps a quotation whole, with its speaker, where it joins two clauses', () => {
    const { claims } = extractClaims('“Nobody came into politics to put up taxes, but the alternative is closing libraries,” Amir Shah said.');
    expect(claims).toHaveLength(1);
    expect(claims[0].attribution).toBe('Amir Shah');
    // "…, but that …" is a second complement of the same report.
    const report = extractClaims('The company said names had been accessed, but that card details were not affected.').claims;
    expect(report).toHaveLength(1);
    expect(report[0].attribution).toBe('The company');
    // Outside a quotation the clauses are still two claims.
    expect(extractClaims('The council raised taxes by 7%, but the opposition voted against the budget.').claims).toHaveLength(2);
  });

  it('gives every sentence of a quotation to its speaker, named before it or after it', () => {
    const before = extractClaims('Chief Executive Sophie Laurent commented: "These results show our strength. We are now the fastest-growing generator in the UK."').claims;
    expect(before.map((c) => c.claimant)).toEqual(['Sophie Laurent', 'Sophie Laurent']);
    const after = extractClaims('“Prices rose 4 percent last year. Wages did not keep up,” said Ana Lopez.\n\nThe bank cut rates in May.').claims;
    expect(after.map((c) => c.claimant)).toEqual(['Ana Lopez', 'Ana Lopez', null]);
  });

  it("gives a quotation that follows its speaker's in the same paragraph to the same speaker", () => {
    const claims = extractClaims('“Doomscrolling keeps the brain alert,” said sleep researcher Dr Amir Haddad. “It is the stress, not the screen.”').claims;
    expect(claims.map((c) => c.claimant)).toEqual(['Amir Haddad', 'Amir Haddad']);
  });

  it('names a person by the full name the article gives, and an embedded post by its author', () => {
    const claims = extractClaims(
      [
        'Shadow education secretary Laura Trott accused the minister of fiddling the figures.',
        '“She should correct the record,” Mrs Trott said.',
        'The 900 schools figure is made up. Our own department says 412. https://t.co/abc123 — Laura Trott (@LauraTrott) June 10, 2025',
      ].join('\n\n'),
    ).claims;
    expect(claims.find((c) => c.text.startsWith('“She should'))!.claimant).toBe('Laura Trott');
    expect(claims.find((c) => c.text.startsWith('The 900'))!.claimant).toBe('Laura Trott');
    expect(claims.find((c) => c.text.startsWith('Our own'))!.claimant).toBe('Laura Trott');
  });

  it('reads past a parenthesis and a time word to the source ("Greenfield Energy plc (LSE: GFE) today announced")', () => {
    expect(claim('Greenfield Energy plc (LSE: GFE) today announced results for the six months to June.').attribution).toBe('Greenfield Energy plc');
  });

  it('reads a sentence without a verb that states a figure as a claim, not a fragment', () => {
    const { claims } = extractClaims('Prices rose again in May. Cocaine use up 160 percent. Not really.');
    expect(claims.find((c) => c.text.startsWith('Cocaine'))!.reasons).not.toContain('not a claim: fragment');
    expect(claims.find((c) => c.text.startsWith('Not really'))!.reasons).toEqual(['not a claim: fragment']);
  });

  it('keeps a web address in one sentence', () => {
    expect(extractClaims('Figures are published at www.ons.example.gov every month.').claims).toHaveLength(1);
  });

  it("gives the answers of a question-and-answer interview to the interviewee, not an explainer's to anyone", () => {
    const interview = extractClaims(
      [
        'Dr Ingrid Solberg has spent 25 years on the Greenland ice sheet.',
        'You first went there in 2000. What has changed?',
        'Everything. The glacier we studied has retreated by more than 4km.',
        'How fast is the ice sheet losing mass?',
        'It lost about 270 billion tonnes a year over the past decade, by our measurements.',
      ].join('\n\n'),
    ).claims;
    expect(interview.find((c) => c.text.startsWith('The glacier'))!.claimant).toBe('Ingrid Solberg');
    expect(interview.find((c) => c.text.startsWith('It lost'))!.claimant).toBe('Ingrid Solberg');
    expect(interview.find((c) => c.text.startsWith('You first went'))!.claimant).toBeNull();
    const explainer = extractClaims(
      ['Minister Anna Berg extended the levy until 2030.', 'What is the levy?', 'It is a 38% tax on profits.', 'Who pays it?', 'Firms in the North Sea pay it.'].join('\n\n'),
    ).claims;
    expect(explainer.find((c) => c.text.startsWith('It is a 38%'))!.claimant).toBeNull();
  });

  it('names the person a pronoun stands for as the claimant, and no claimant "He"', () => {
    const { claims } = extractClaims(
      'Council leader Amir Shah said the council faced a £19m gap.\n\n“The alternative is closing libraries,” he said.\n\nOpposition councillors claimed £3.2m had been wasted.\n\nThey said the money should have gone to schools.',
    );
    expect(claims.map((c) => c.claimant)).toEqual(['Amir Shah', 'Amir Shah', 'Opposition councillors', 'Opposition councillors']);
    expect(extractClaims('“We will not give in,” she said on Monday.').claims[0].claimant).toBeNull();
    // It: the body that spoke last; not the subject of its own sentence ("shares fell after it said …").
    const company = extractClaims(
      'Northwind Logistics will cut 400 jobs, the company said on Tuesday. It said demand had fallen by 12%.\n\nDemand fell 12% in June, it said.\n\nIts shares fell 8% after it said profits would halve.',
    ).claims;
    expect(company.map((c) => [c.attribution, c.claimant])).toEqual([
      ['the company', 'Northwind Logistics'],
      ['It', 'Northwind Logistics'],
      ['it', 'Northwind Logistics'],
      [null, null],
    ]);
    // The person named last, even when no source: "Karen Lowe apologised. '…,' she said."
    const apology = extractClaims(
      'Security researcher Tom Hale said the hackers had been inside since June.\n\nBrightmart’s chief executive, Karen Lowe, apologised to customers. “We got this wrong,” she said.',
    ).claims;
    expect(apology[apology.length - 1].claimant).toBe('Karen Lowe');
  });

  it('names no claimant for a source known only by whose it is, nor for "history suggests"', () => {
    const report = claim('Revenue was $1.9 billion last year, according to its annual report.');
    expect(report.attribution).toBe('its annual report');
    expect(report.claimant).toBeNull();
    expect(claim('History suggests mid-term slumps are common.').attribution).toBeNull();
    expect(claim('Its shape suggests it belonged to a young girl.').claimant).toBeNull();
    expect(claim('She died at home on Sunday, his family said.').claimant).toBeNull();
    // A heading is no one's claim to check.
    const heading = extractClaims('What the figures show\n\nCrime fell by 8% in 2024.').claims[0];
    expect(heading.reasons).toEqual(['not a claim: heading']);
    expect(heading.claimant).toBeNull();
  });

  it('names a described person by name, so one person is one claimant however a story describes them', () => {
    expect(claim('Conservative leader Kemi Badenoch said immigration had doubled.').claimant).toBe('Kemi Badenoch');
    expect(claim('Health Secretary Wes Streeting said waiting lists had fallen in 2024.').claimant).toBe('Wes Streeting');
    expect(claim('Security researcher Tom Hale said the data had been for sale since June.').claimant).toBe('Tom Hale');
    // A title of several capitalised words before the name ("Senate Majority Leader"), and the surname alone later.
    const senate = extractClaims(
      '"We have not seen a moment like this in decades," said Senate Majority Leader Chuck Schumer.\n\nHouse Speaker Mike Johnson wrote on X that the Senate had "failed".\n\n"This is a historic vote," Schumer told colleagues.',
    ).claims;
    expect(senate.map((c) => c.claimant)).toEqual(['Chuck Schumer', 'Mike Johnson', 'Chuck Schumer']);
    expect(claim('Det Insp Claire Hughes, who leads the investigation, said officers were searching for a third man.').claimant).toBe('Claire Hughes');
    expect(claim('In an interview with the Guardian, Labour MP Clive Lewis said the party had lost 100,000 members.').claimant).toBe('Clive Lewis');
    const ifs = claim('The Institute for Fiscal Studies think tank said the figures did not add up.');
    expect(ifs.attribution).toBe('The Institute for Fiscal Studies think tank');
    expect(ifs.claimant).toBe('Institute for Fiscal Studies');
    expect(claim('Prosecutor James Reid told the court that Lisa Marsh took the money over three years.').claimant).toBe('James Reid');
    expect(claim('A police spokesman said a further 30 victims had been identified.').claimant).toBe('Police');
    expect(claim('A former care worker stole £48,000 from elderly residents, a court has heard.').attribution).toBe('a court');
    // A body by its name, not by its description.
    expect(claim('State news agency Tass reported that the two men worked in the embassy.').claimant).toBe('Tass');
    expect(claim("Russia expelled two diplomats, the country's Federal Security Service said on Friday.").claimant).toBe('Federal Security Service');
    expect(claim('Prices rose 4 percent, research firm Gartner said.').claimant).toBe('Gartner');
    expect(claim('Prices rose 4 percent, officials at NHS England said.').claimant).toBe('Officials at NHS England');
    // A name inside a longer phrase is not the source's name.
    expect(claim('Inflation rose to 9 percent, according to the Office for National Statistics.').claimant).toBe('Office for National Statistics');
  });

  it('names the company, body or person a description stands for ("the company", "the council", "the chief executive")', () => {
    const of = story([
      'Northwind Logistics will cut 400 jobs at its Leeds depot, the company said on Tuesday.',
      'The company said demand for parcel deliveries fell by 12 per cent in the first half of the year.',
      'Leeds City Council said it had not been told of the cuts in advance. The council said it would meet union officials next week.',
      'The Unite union said the decision was "a betrayal of loyal staff". The union claims that 150 of the jobs were filled by agency workers.',
      'The Department for Transport said it was monitoring the situation. The department estimates that 3,000 drivers left the industry last year.',
      "The firm's chief executive, Tom Baines, said the cuts were unavoidable. The chief executive said the depot had lost money for three years.",
      'Prime Minister Keir Starmer said the deal would create 2,000 jobs. The prime minister said talks had lasted eight months.',
      'The minister said the policy had been a success.',
    ]);
    const claimantOf = (start: string) => of(start).claimant;
    expect(claimantOf('Northwind')).toBe('Northwind Logistics');
    expect(claimantOf('The company said demand')).toBe('Northwind Logistics');
    expect(claimantOf('The council')).toBe('Leeds City Council');
    expect(claimantOf('The Unite union')).toBe('Unite union');
    expect(claimantOf('The union claims')).toBe('Unite union');
    expect(claimantOf('The department')).toBe('Department for Transport');
    expect(claimantOf('The chief executive')).toBe('Tom Baines');
    expect(claimantOf('The prime minister')).toBe('Keir Starmer');
    // A role named only in part is someone else's: "the minister" is not the prime minister.
    expect(claimantOf('The minister')).toBe('Minister');
    // No company named: the description stays; a person is no company.
    expect(claim('Tom Baines will step down as chairman in March, the company said.').claimant).toBe('Company');
  });

  it('names the person behind an office ("Secretary of State Marco Rubio") or before a workplace, and an outlet whose name holds a particle', () => {
    const of = story([
      'Secretary of State Marco Rubio said the talks had failed in March.',
      'Chancellor of the Exchequer Rachel Reeves said growth was 2% last year.',
      '"It cannot tell us that walking prevents dementia," said Professor Tara Spires-Jones of the University of Edinburgh.',
      'Lead author Dr Maja Lindqvist, of the University of Copenhagen, said 78,000 people took part.',
      'Napoli have rejected two bids worth £70m, Italian outlet Corriere dello Sport reported.',
    ]);
    expect(of('Secretary of State').claimant).toBe('Marco Rubio');
    expect(of('Chancellor').claimant).toBe('Rachel Reeves');
    expect(of('"It cannot').claimant).toBe('Tara Spires-Jones');
    expect(of('Lead author').attribution).toBe('Lead author Dr Maja Lindqvist');
    expect(of('Napoli').claimant).toBe('Corriere dello Sport');
    const figures = story(['The proportion of entries awarded an A fell to 27.2%, figures from the exams regulator Ofqual show.']);
    expect(figures('The proportion').claimant).toBe('Ofqual');
  });

  it('links a role to the person given it with a qualifier ("Health Minister Wes Streeting", "Tesco chief executive Ken Murphy"), not to a qualified role', () => {
    const of = story([
      'Health Minister Wes Streeting said waiting lists fell by 30,000 in March. The minister said the figures showed the plan was working.',
      'Tesco chief executive Ken Murphy said sales rose 4% in the quarter. The chief executive said prices had been cut on 300 products.',
      'Daniel Farke, the Leeds manager, said his side had lost 12 games. The manager said three players were injured.',
    ]);
    expect(of('The minister').claimant).toBe('Wes Streeting');
    expect(of('The chief executive').claimant).toBe('Ken Murphy');
    expect(of('The manager').claimant).toBe('Daniel Farke');
    // The assistant manager is not "the manager", nor the deputy prime minister "the minister" or "the prime minister".
    const qualified = story([
      'Assistant manager Tom Hale said the club had sold 20,000 tickets. The manager said the stadium would be full.',
      'Deputy Prime Minister Angela Rayner said 1.5 million homes would be built. The minister said planning rules would change in May. The prime minister said the target would be met.',
    ]);
    expect(qualified('The manager').claimant).toBe('Manager');
    expect(qualified('The minister').claimant).toBe('Minister');
    expect(qualified('The prime minister').claimant).toBe('Prime minister');
  });

  it('reads election, health, sport, technology, migration and wildfire stories: sources after the clause, names beside descriptions, publishers of results', () => {
    // An anonymous source after the clause, with whom it told.
    const sourced = claim('Arsenal are closing in on a £60m deal for the midfielder, sources close to the negotiations have told the BBC.');
    expect(sourced).toMatchObject({ attribution: 'sources close to the negotiations', unnamedSource: true, triage: 1 });
    // A description with a name in apposition, before or after it.
    expect(claim('Chega’s leader, André Ventura, said his party had won 22.6% of the vote.').claimant).toBe('André Ventura');
    expect(claim("Greece's civil protection minister, Giannis Kefalogiannis, said the fire may have been started deliberately on Monday.").claimant).toBe('Giannis Kefalogiannis');
    expect(claim('Dr Daniel Bailey, a sedentary behaviour expert at Brunel University, who was not involved in the research, said the findings were reassuring.').claimant).toBe('Daniel Bailey');
    // A name the tagger reads as a verb ("Cooper"): the outer source, not the figures she cites.
    expect(claim('Home Secretary Yvette Cooper said the figures showed the system was under control.').claimant).toBe('Yvette Cooper');
    expect(claim('The firm shipped 38 million phones last year, according to research firm IDC.').claimant).toBe('IDC');
    expect(claim('"It is the first foldable I would recommend," wrote Tom Hughes of the tech site Gadget Lab.').claimant).toBe('Tom Hughes');
    expect(claim('The regulator last year said prices would rise by 5%.').claimant).toBe('Regulator');
    // A name that ends in a question mark does not end the sentence, and a time before the verb is no source.
    const which = extractClaims('A report by the consumer group Which? last year found that a replacement screen cost £389.').claims;
    expect(which.map((c) => c.text)).toEqual(['A report by the consumer group Which? last year found that a replacement screen cost £389.']);
    expect(which[0].claimant).toBeNull();
    const of = story([
      "Portugal's Democratic Alliance won the most votes, according to results published by the interior ministry on Monday.",
      'The far-right Chega party took 22.6%, up from 18.1% a year ago, the results showed.',
      'Smartphone maker Nexa has unveiled its first foldable handset. The phone will go on sale on 3 October priced at £1,499, the company announced.',
      'The researchers, led by Melody Ding of the University of Sydney, pooled data from 160,000 adults.',
      '"You do not need 10,000 steps," Ding said. She added that the figure came from a 1960s marketing campaign.',
      'Police said a 45-year-old man had been detained for questioning. Officers later said the man had been released without charge.',
    ]);
    expect(of("Portugal's").claimant).toBe('Interior ministry');
    expect(of('The far-right').claimant).toBe('Interior ministry');
    expect(of('The phone').claimant).toBe('Nexa');
    expect(of('The researchers').entities.map((e) => [e.text, e.type])).toEqual([
      ['Melody Ding', 'person'],
      ['University of Sydney', 'organisation'],
    ]);
    expect(of('"You do not').claimant).toBe('Melody Ding');
    expect(of('She added').claimant).toBe('Melody Ding');
    expect(of('Officers').claimant).toBe('Police');
    expect(of('Officers').unnamedSource).toBe(false);
  });

  it('reads court, earnings, council, technology, economics and science stories: bodies behind spokespeople, descriptions and figures', () => {
    const of = story([
      'Shell reported first-quarter profits of $5.6bn. Adjusted earnings fell 28% from a year earlier, the oil giant said on Thursday.',
      'The General Medical Council said it had not been approached by the company. A spokesperson said that passing an exam was "not the same as being safe to practise".',
      'The council disputed the figure. A spokeswoman said the IT project had cost £1.9m.',
      'Dr Catherine Heymans of the University of Edinburgh said the chemical could be produced by other processes.',
      '"It is not proof of life," she told the BBC.',
    ]);
    expect(of('Adjusted earnings').claimant).toBe('Shell');
    expect(of('The General Medical Council').claimant).toBe('General Medical Council');
    expect(of('A spokesperson').claimant).toBe('General Medical Council');
    expect(of('A spokeswoman').claimant).toBe('Council');
    // Official figures in a story's first sentence are the publisher's that the next one names; later in a story, they are
    // not taken from the sentence after them.
    const lede = story(['UK inflation rose to 3.6% in the year to June, official figures show.', 'The Office for National Statistics said food prices were the main driver.']);
    expect(lede('UK inflation').claimant).toBe('Office for National Statistics');
    const later = story([
      'France will ban smoking on beaches from July 1, the health minister said.',
      'About 75,000 people die each year in France from smoking, according to government figures.',
      'The number of daily smokers fell to 23 percent of adults in 2023, the public health agency said.',
    ]);
    expect(later('About 75,000').claimant).toBe('Government figures');
    expect(of('Dr Catherine Heymans').claimant).toBe('Catherine Heymans');
    expect(of('"It is not proof').claimant).toBe('Catherine Heymans');
    // With no body before it, a spokesperson stays who they are.
    expect(claim('A spokesman said crews had reached the area within 20 minutes.').claimant).toBe('Spokesman');
  });

  it('keeps two clauses that one source after them reports as one claim of that source, and finds regulators, housebuilders and summaries', () => {
    const both = extractClaims('Revenue rose to £1.48bn from £1.31bn, while pre-tax profit increased 6% to £212m, the company said in a trading update.').claims;
    expect(both).toHaveLength(1);
    expect(both[0].attribution).toBe('the company');
    expect(extractClaims('Prices rose 5%, but wages fell 2%, official figures show.').claims).toHaveLength(1);
    // Without a source after them, two full clauses are two claims.
    expect(extractClaims('Prices rose 5%, but wages fell 2%.').claims).toHaveLength(2);
    // A source that opens the sentence and says without "that" reports the clause after ", and" too.
    const reported = extractClaims('Human rights groups say more than 1,000 people were detained in the weeks that followed, and hundreds remain in prison.').claims;
    expect(reported.map((c) => c.attribution)).toEqual(['Human rights groups']);
    const of = story([
      'Household energy bills will fall by £122 a year from July, the energy regulator Ofgem has announced.',
      'The fall is largely due to lower wholesale gas prices, the regulator said.',
      'Housebuilder Greenway Homes said on Wednesday that it completed a record 4,210 homes in the year to June.',
      'The package includes $60 billion for Ukraine, according to a summary released by the Senate Appropriations Committee.',
    ]);
    expect(of('The fall').claimant).toBe('Ofgem');
    expect(of('Housebuilder').claimant).toBe('Greenway Homes');
    expect(of('The package').claimant).toBe('Senate Appropriations Committee');
    // A body is not the person whose role names it: "the council" after "Council leader Sarah Pike said".
    const council = story([
      'Council leader Sarah Pike said the authority faced a £19 million gap in its budget.',
      'The council said it would offer a mobile library service to the affected areas twice a week.',
    ]);
    expect(council('Council leader').claimant).toBe('Sarah Pike');
    expect(council('The council').claimant).not.toBe('Sarah Pike');
  });

  it('names a family by the person the story is about, and a source after the verb whose surname the tagger misreads', () => {
    const of = story([
      'Margaret Lyle, who in 1968 became one of the first women in Britain to lead a cardiac surgery unit, has died aged 91, her family said.',
      'She died at home in Edinburgh on Sunday, a statement from the family said.',
      '"She expected the best from everyone," said Professor Ian Grant, who trained under her.',
    ]);
    expect(of('Margaret Lyle').claimant).toBe('Margaret Lyle’s family');
    expect(of('She died').claimant).toBe('Margaret Lyle’s family');
    expect(of('"She expected').claimant).toBe('Ian Grant');
    // With nobody named before, the family is who it is.
    expect(claim('The family said they were devastated by the news on Sunday.').claimant).toBe('Family');
    // A reef, a canyon or a glacier named after the person is a place, not the person whose family speaks.
    const reef = story([
      'Eleanor Vance, the marine biologist whose research on coral bleaching helped shape the protection of the Great Barrier Reef, has died at the age of 92.',
      'Her family said she died peacefully at her home in Townsville, Queensland, on Sunday.',
    ]);
    expect(reef('Eleanor Vance').entities).toEqual(expect.arrayContaining([expect.objectContaining({ text: 'Great Barrier Reef', type: 'place' })]));
    expect(reef('Her family').claimant).toBe('Eleanor Vance’s family');
  });

  it('finds the source of a second verb that shares the sentence’s subject ("welcomed the cut but warned that …")', () => {
    expect(claim('Consumer groups welcomed the cut but warned that bills remain far higher than before the energy crisis.').claimant).toBe('Consumer groups');
    expect(claim('The union rejected the offer and said that 2,000 members would strike in May.').claimant).toBe('Union');
    // A pronoun subject is left to the article-wide passes; a clause with its own subject keeps it.
    expect(claim('Prices rose in March and analysts said inflation would peak at 4%.').attribution).toBe('analysts');
  });

  it('leaves agency datelines out of the claim, and names a company described before a comma', () => {
    expect(claim('Paris (AFP) - France will ban smoking on beaches from July 1, the health minister said.').text).toBe('France will ban smoking on beaches from July 1, the health minister said.');
    expect(claim('SHIMLA: At least 40 people have died after landslides, officials said on Tuesday.').text).toBe('At least 40 people have died after landslides, officials said on Tuesday.');
    const of = story([
      "The BBC has not been able to verify the data. Ticketmaster's parent company, Live Nation, confirmed in a filing with the US Securities and Exchange Commission on Friday that it had identified unauthorised activity.",
      'The company said it did not believe the incident would have a material impact on its business.',
    ]);
    expect(of('Ticketmaster').claimant).toBe('Live Nation');
    expect(of('The company said').claimant).toBe('Live Nation');
  });

  it('reads clubs, parties, companies named like people and names with particles', () => {
    const club = story([
      'Manchester United have sacked manager Erik ten Hag after a run of one win in eight games, the club confirmed on Monday.',
      'Ten Hag leaves with the team 14th in the Premier League.',
      'Former striker Ruud van Nistelrooy will take charge on an interim basis, the club said in a statement.',
    ]);
    expect(club('Manchester United').claimant).toBe('Manchester United');
    expect(club('Manchester United').entities.map((e) => [e.text, e.type])).toEqual([
      ['Manchester United', 'organisation'],
      ['Erik ten Hag', 'person'],
    ]);
    expect(club('Ten Hag').entities.map((e) => e.text)).toContain('Premier League');
    // A league is where the club plays, not what "the club" stands for.
    expect(club('Former striker').claimant).toBe('Manchester United');
    expect(claim('Ursula von der Leyen said 27 countries had signed the agreement on Monday.').claimant).toBe('Ursula von der Leyen');
    const figures = story([
      'More than 50,000 patients waited over 12 hours in A&E in January, according to figures obtained by the Liberal Democrats.',
      'The data, released under freedom of information laws, shows the number has doubled in two years.',
    ]);
    expect(figures('The data').claimant).toBe('Liberal Democrats');
    const miner = story([
      'Ridgeline Resources cut its annual copper output forecast by 8% on Monday after heavy rain flooded its largest mine.',
      'In a statement to the London Stock Exchange, the company said it now expected to produce 320,000 tonnes this year.',
      'The miner said no workers had been injured and that pumping was under way.',
    ]);
    expect(miner('In a statement').claimant).toBe('Ridgeline Resources');
    expect(miner('The miner').claimant).toBe('Ridgeline Resources');
    // A speaker's pledge with nothing counted or dated is a stance, not a claim to check.
    expect(claim('"We will not accept a deal that cuts pensions," union leader Saskia de Wit told reporters.')).toMatchObject({ checkWorthy: false, claimant: 'Saskia de Wit' });
  });

  it('reads a hyphenated title and a source that asked not to be named', () => {
    expect(claim('UN Secretary-General António Guterres said emissions rose 1.3% in 2023.').claimant).toBe('António Guterres');
    expect(claim('One passenger, who asked not to be named, told a radio station that 30 people had been hurt.')).toMatchObject({ unnamedSource: true, triage: 1 });
  });

  it('names the company of a story’s first sentence from the next, where it speaks for itself by name', () => {
    const of = story([
      'Thirty people were injured when a flight hit severe turbulence over the Atlantic, the airline said.',
      'The Boeing 787 was diverted to Natal in Brazil, where the injured were taken to hospital, Air Europa said in a statement.',
    ]);
    expect(of('Thirty people').claimant).toBe('Air Europa');
    // Later in a story, or when the next sentence is someone else's, the description stays.
    const later = story([
      'Storms closed 40 roads in the county on Sunday.',
      'Thirty people were injured when a flight hit turbulence, the airline said.',
      'Air Europa said in a statement that the crew had followed procedures.',
    ]);
    expect(later('Thirty people').claimant).toBe('Airline');
  });

  it('names the journal that published a study a claim cites, not the study', () => {
    expect(claim('Walking 7,000 steps a day is linked to a 47% lower risk of dying early, according to a review of 57 studies published in The Lancet Public Health.').claimant).toBe(
      'Lancet Public Health',
    );
    expect(claim('Crime fell 5%, according to a study published in the journal Nature.').claimant).toBe('Nature');
    // Published in a month is no journal.
    expect(claim('Crime fell 5%, according to a study published in March.').attribution).toBe('a study');
  });

  it('names the outlet that saw leaked emails, and gives the emails it describes later the same claimant', () => {
    const of = story([
      'Ministers were warned that a £120m contract was "high risk" months before it was signed, according to emails seen by the Guardian.',
      'The emails, sent in January 2023, show that officials raised concerns about the supplier’s finances.',
    ]);
    expect(of('Ministers').claimant).toBe('Guardian');
    expect(of('The emails').claimant).toBe('Guardian');
  });

  it('finds "The premier said" (a noun the tagger reads as an adjective) and the body behind "a statement from"', () => {
    const of = story(['Ontario Premier Doug Ford urged residents to stay indoors.', 'The premier said 40 schools had closed on Tuesday.']);
    expect(of('The premier')).toMatchObject({ attribution: 'The premier', claimant: 'Doug Ford' });
    expect(claim('A statement from the White House said the president supported the 2024 settlement.').claimant).toBe('White House');
  });

  it('keeps a name whose first word the tagger reads as a verb at the start of a sentence ("Met Office")', () => {
    expect(claim('Met Office meteorologist Alex Deakin said the heat was the highest since 2022.').attribution).toBe('Met Office meteorologist Alex Deakin');
  });

  it('gives "Officers", "Detectives" and a bare "Police" the force a story named before', () => {
    const of = story([
      'West Yorkshire Police said a 34-year-old man had been arrested in Leeds on Tuesday.',
      'Officers said the man was taken to hospital with minor injuries. Detectives believe two other men fled in a car.',
      'A police spokesman said 12 officers were injured on Saturday.',
    ]);
    expect(of('Officers').claimant).toBe('West Yorkshire Police');
    expect(of('Detectives').claimant).toBe('West Yorkshire Police');
    expect(of('A police spokesman').claimant).toBe('West Yorkshire Police');
    // With no force named before, the officers stay who they are.
    expect(claim('Officers said the man was taken to hospital on Tuesday.').claimant).toBe('Officers');
  });

  it('names the body a spokesperson speaks for, and the publisher of "the figures" a story cited before', () => {
    expect(claim('A Home Office spokesman said 1,200 people had crossed the Channel on Saturday.').claimant).toBe('Home Office');
    expect(claim('A spokesperson for Tesco said prices had been cut on 300 products.').claimant).toBe('Tesco');
    const published = claim('Waiting times reached a record high in October, according to figures published by NHS England on Thursday.');
    expect(published.attribution).toBe('NHS England');
    const of = story([
      'Crime fell 8% in 2024, according to figures published by the Home Office.',
      '"These figures are worrying," said Dr Adrian Boyle.',
      'The data shows knife crime rose 4%.',
      'A survey by YouGov found that 62% of voters backed the plan. The survey found support was highest among over-65s.',
    ]);
    // Whoever talks about the figures did not publish them.
    expect(of('The data').claimant).toBe('Home Office');
    expect(of('The survey').claimant).toBe('YouGov');
  });

  it('names the person a story has just named when it describes them ("The 54-year-old said", "The star said")', () => {
    const of = story([
      'Mary Okafor, 54, has worked at the depot for 20 years. The 54-year-old said she learnt of the cuts from a text message.',
      'Actor Tom Hardy visited the hospital on Monday. The star said the staff had treated 400 patients that day.',
      'A man was stabbed in Leeds on Friday. The victim said he had been attacked by three men.',
      'Retailer Brightmart has admitted that hackers stole the data of 6 million customers. In a statement, the company said names had been accessed.',
    ]);
    expect(of('The 54-year-old').attribution).toBe('The 54-year-old');
    expect(of('The 54-year-old').claimant).toBe('Mary Okafor');
    expect(of('The star').claimant).toBe('Tom Hardy');
    // Nobody named: the description stays.
    expect(of('The victim').claimant).toBe('Victim');
    expect(of('Retailer').claimant).toBe('Brightmart');
    expect(of('In a statement').claimant).toBe('Brightmart');
  });

  it('reads a markets story: a sentence that ends on "£280m.", a fund manager at his firm, the group named before', () => {
    const of = story([
      'Shares in Halvorsen Foods rose 14% on Thursday after the snack maker raised its profit forecast.',
      'The company now expects pre-tax profit of £312m, up from a previous forecast of £280m. Chief executive Priya Nair said demand had "exceeded every expectation".',
      '"The valuation looks stretched," said fund manager Tom Egan of Aberdeen. He said the company was "priced for perfection".',
      'The group, which employs 4,200 people, said it would open a new factory in Hull in 2026.',
    ]);
    expect(of('The company now expects').text).toBe('The company now expects pre-tax profit of £312m, up from a previous forecast of £280m.');
    expect(of('Chief executive').claimant).toBe('Priya Nair');
    expect(of('"The valuation').claimant).toBe('Tom Egan');
    expect(of('He said').claimant).toBe('Tom Egan');
    // A fund manager is no fund: the group is the company named before.
    expect(of('The group').claimant).toBe('Halvorsen Foods');
  });

  it('keeps a long relative clause in its source, not the object at its end', () => {
    const c = claim('Two senior diplomats who spoke on condition of anonymity because they were not authorised to discuss the talks said the draft collapsed.');
    expect(c.attribution).toBe('Two senior diplomats who spoke on condition of anonymity because they were not authorised to discuss the talks');
    expect(c.unnamedSource).toBe(true);
  });

  it('finds the source before an age and a relative clause ("Mary Okafor, 54, who …, said")', () => {
    const c = claim('Mary Okafor, 54, who has worked at the depot for 20 years, said she learnt of the cuts from a text message.');
    expect(c.attribution).toBe('Mary Okafor');
    expect(c.claimant).toBe('Mary Okafor');
  });

  it('names the claimant without the leading article, and none when the article itself asserts', () => {
    expect(claim('Prices rose 4 percent last year, the US Pentagon said.').claimant).toBe('US Pentagon');
    expect(claim('Prices rose 4 percent last year.').claimant).toBeNull();
  });

  it("keeps a description's hyphenated word and a name after a description in the source", () => {
    expect(claim('The Labour-run authority said it faced a £12.4m shortfall in its budget.').attribution).toBe('The Labour-run authority');
    const pools = claim('More than 4,000 people signed a petition against the closures, according to campaign group Save Our Pools.');
    expect(pools.attribution).toBe('campaign group Save Our Pools');
    expect(pools.claimant).toBe('Save Our Pools');
  });

  it('reads "recalled" as saying only with what was recalled, and a bracketed wire credit as a byline', () => {
    const recall = extractClaims('Baby formula recalled over possible bacteria contamination\n\nThe retailer recalled two batches of infant formula on Monday.').claims;
    expect(recall.map((c) => c.attribution)).toEqual([null, null]);
    expect(claim('She recalled that the plant had closed in 1998.').attribution).toBe('She');
    const credit = claim('(Reporting by Nate Raymond in Boston; Editing by Alexia Garamfalvi)');
    expect(credit.checkWorthy).toBe(false);
    expect(credit.reasons).toEqual(['not a claim: byline']);
  });

  it('reads "does not comment on market rumours" as a note about the reporting, not a claim', () => {
    const c = claim('A Helix spokesperson said the company does not comment on market rumours.');
    expect(c.checkWorthy).toBe(false);
    expect(c.reasons).toEqual(['not a claim: note']);
  });
});

describe('cue precision', () => {
  it.each(['The audit raised doubts in regard to the contract signed in March.', 'Regarding the budget, the minister spoke on Monday.', 'Elections were held in May 2021.'])(
    'finds no hedge in "%s"',
    (text) => {
      expect(claim(text).cues.filter((c) => c.type === 'hedge')).toEqual([]);
    },
  );

  it('does not read what someone could perceive as a hedge, but keeps "could see" ahead', () => {
    for (const text of ['Everyone could see it.', 'From the stands, fans could hear the chants.', 'She could feel the floor shake.'])
      expect(claim(text).cues.filter((c) => c.type === 'hedge')).toEqual([]);
    expect(claim('Households could see bills rise by 300 pounds next year.').cues.map((c) => c.type)).toContain('hedge');
  });

  it('does not read a modal that opens a question as a hedge', () => {
    expect(claim('Could the council have stopped the sale?').cues.map((c) => c.type)).toEqual(['question']);
  });
});

describe('triage order on the sample article', () => {
  const { claims } = extractClaims(SAMPLE_ARTICLE.text);
  const withText = (words: string): ExtractedClaim => claims.find((c) => c.text.includes(words)) as ExtractedClaim;

  it('marks every hedged or attributed factual assertion check-worthy and first in the order', () => {
    for (const words of ['allegedly built a listening station', 'unconfirmed sources claim']) {
      expect(withText(words).checkWorthy).toBe(true);
      expect(withText(words).triage).toBe(1);
    }
    expect(withText('Human rights groups say').checkWorthy).toBe(true);
    expect(withText('Human rights groups say').triage).toBe(2);
    expect(withText('The Wall Street Journal reported').attribution).toBe('The Wall Street Journal');
    expect(withText('The Wall Street Journal reported').checkWorthy).toBe(true);
  });

  it('marks no question, byline, photo credit or opinion, and fewer than half of the claims', () => {
    for (const words of ['Is Cuba simply trading', 'Did anyone in Washington', 'Written by', 'Photo credit', 'hard to take seriously', 'looks stubborn', 'seems like the only way']) {
      expect(withText(words).checkWorthy).toBe(false);
    }
    expect(claims.filter((c) => c.checkWorthy).length).toBeLessThan(claims.length / 2);
  });
});
