// Transcripts: a sentence's place in the ranking depends on who speaks and what surrounds it, not on its words alone.
import { scoreTranscript } from './transcript';

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
