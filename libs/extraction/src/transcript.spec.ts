// Transcripts: a sentence's place in the ranking depends on who speaks and what surrounds it, not on its words alone.
import { extractClaims } from './claims';
import { shippedModel } from './model';
import { scoreTranscript } from './transcript';
import { transcriptSpeakers } from './transcript-context';

describe('scoreTranscript', () => {
  const claim = 'Unemployment fell to 3.7 percent in 2018, the lowest rate in fifty years.';

  it('gives one score per line, between 0 and 1', () => {
    const scores = scoreTranscript([
      { speaker: 'HOST', text: 'Good evening and welcome.' },
      { speaker: 'SMITH', text: claim },
    ]);
    expect(scores).toHaveLength(2);
    for (const s of scores) {
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThan(1);
    }
  });

  it('ranks a candidate’s factual claim above the same words from a moderator who mostly asks questions', () => {
    const moderator = [
      { speaker: 'MODERATOR', text: 'What will you do about jobs?' },
      { speaker: 'MODERATOR', text: claim },
      { speaker: 'MODERATOR', text: 'How do you answer your critics?' },
      { speaker: 'MODERATOR', text: 'Is that fair?' },
    ];
    const candidate = [
      { speaker: 'HOST', text: 'What will you do about jobs?' },
      { speaker: 'SMITH', text: 'We did a great deal already.' },
      { speaker: 'SMITH', text: claim },
      { speaker: 'SMITH', text: 'Wages rose by 3 percent last year.' },
    ];
    expect(scoreTranscript(candidate)[2]).toBeGreaterThan(scoreTranscript(moderator)[1]);
  });

  it('keeps audience reactions and stage directions at the bottom', () => {
    const scores = scoreTranscript([
      { speaker: 'SMITH', text: claim },
      { speaker: 'SYSTEM', text: '(APPLAUSE)' },
      { speaker: 'SMITH', text: 'Thank you all.' },
    ]);
    expect(scores[1]).toBeLessThan(scores[0]);
  });

  it('returns nothing for an empty transcript', () => {
    expect(scoreTranscript([])).toEqual([]);
  });
});

describe('transcripts in extractClaims', () => {
  const claim = 'Unemployment fell to 3.7 percent in 2018, the lowest rate in fifty years.';
  const debate = [
    `MODERATOR: Welcome to the debate. What will you do about jobs? ${claim} Is that fair? How do you answer your critics?`,
    'SMITH: Thank you. We did a great deal already.',
    claim,
    'JONES: That is simply not true.',
    'MODERATOR: Senator Smith, your answer?',
  ].join('\n\n');

  it('finds the speaker of every paragraph, an unlabelled paragraph continuing the turn', () => {
    expect(transcriptSpeakers(debate.split('\n\n'))?.speakers).toEqual(['MODERATOR', 'SMITH', 'SMITH', 'JONES', 'MODERATOR']);
  });

  it('does not take an article with a note or a single quoted speaker for a transcript', () => {
    const article = ['Note: this story was updated on Monday.', 'SMITH: We did a great deal already.', claim, 'Prices rose 2 percent in May.'];
    expect(transcriptSpeakers(article)).toBeNull();
    const { claims } = extractClaims(article.join('\n\n'));
    for (const c of claims) {
      expect(c.reasons.some((r) => r.startsWith('in context'))).toBe(false);
      expect(c.claimant).toBeNull();
    }
  });

  it('ranks a transcript in context: the same claim ranks higher from a candidate than from the moderator, and the speaker is the claimant', () => {
    const { claims } = extractClaims(debate);
    const same = claims.filter((c) => c.text.includes('Unemployment fell'));
    expect(same).toHaveLength(2);
    const [fromModerator, fromSmith] = same;
    expect(fromSmith.score).toBeGreaterThan(fromModerator.score);
    expect(fromSmith.claimant).toBe('Smith');
    expect(fromModerator.claimant).toBe('Moderator');
    expect(fromSmith.reasons.some((r) => r.startsWith('in context'))).toBe(true);
    // Alone, the two sentences score the same: only the context separates them.
    const alone = extractClaims(claim).claims[0];
    expect(alone.reasons.some((r) => r.startsWith('in context'))).toBe(false);
    expect(fromSmith.checkWorthy).toBe(alone.checkWorthy);
  });

  it('leaves the speaker label out of the claim, offsets and quote included', () => {
    const { text, claims } = extractClaims(debate);
    expect(claims.some((c) => /^(SMITH|JONES|MODERATOR):/.test(c.text))).toBe(false);
    const thanks = claims.find((c) => c.text.startsWith('Thank you'));
    expect(thanks?.claimant).toBe('Smith');
    for (const c of claims) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      expect(c.selector.exact).toBe(c.text);
      for (const e of c.entities) expect(e.start).toBeGreaterThanOrEqual(c.start);
    }
  });

  it('keeps the score on the same side of the threshold as the check-worthy call', () => {
    const { claims } = extractClaims(debate);
    const threshold = shippedModel().threshold;
    expect(claims.some((c) => c.checkWorthy)).toBe(true);
    expect(claims.some((c) => !c.checkWorthy)).toBe(true);
    for (const c of claims) expect(c.score >= threshold).toBe(c.checkWorthy);
  });
});
