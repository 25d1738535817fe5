import { describe, expect, it } from 'vitest';
import { brief, capPoints, capWords, emphasiseNumbers, firstWords, shorten, toPoints, toSentences } from '../../src/export/points.js';
import { hasFigure } from '../../src/story/figures.js';

const strong = (text: string) => emphasiseNumbers(text).filter((r) => r.strong).map((r) => r.text);

describe('toPoints', () => {
  it('keeps each top-level bullet as a point, in order', () => {
    expect(toPoints('- one\n- two\n- three')).toEqual(['one', 'two', 'three']);
  });

  it('folds sub-bullets into their parent', () => {
    expect(toPoints('- Docs-as-Code to publish:\n  - supported tools\n  - unified roadmap\n- Next')).toEqual(['Docs-as-Code to publish: supported tools; unified roadmap', 'Next']);
    expect(toPoints('- Public speaking\n  - meetups\n  - talks.')).toEqual(['Public speaking: meetups; talks']);
  });

  it('splits prose into sentences, then adds the bullets after it', () => {
    expect(toPoints('I tested before arguing. Then I asked.\n- I restored a snapshot.\n- I met him.')).toEqual(['I tested before arguing.', 'Then I asked.', 'I restored a snapshot.', 'I met him.']);
  });

  it('reads numbered lists, CRLF line ends and an indented continuation line', () => {
    expect(toPoints('1. First\r\n2. Second step\r\n   continues here')).toEqual(['First', 'Second step continues here']);
  });

  it('returns nothing for empty text', () => {
    expect(toPoints('')).toEqual([]);
    expect(toPoints('  \n \n')).toEqual([]);
  });
});

describe('toPoints with whole paragraphs', () => {
  it('keeps each prose paragraph as one point and bullets as they are', () => {
    expect(toPoints('I tested first. Then I asked.\n\nSecond paragraph here.\n- a bullet', 'paragraphs')).toEqual(['I tested first. Then I asked.', 'Second paragraph here.', 'a bullet']);
  });
});

describe('capWords', () => {
  const words = (n: number, w = 'w') => Array.from({ length: n }, () => w).join(' ');

  it('keeps everything that fits, or is only a little over', () => {
    expect(capWords(['a b', 'c d e'], 8, 60)).toEqual({ points: ['a b', 'c d e'], more: 0 });
    expect(capWords([words(40), words(25)], 8, 60)).toEqual({ points: [words(40), words(25)], more: 0 });
  });

  it('stops at the point cap and counts the rest', () => {
    expect(capWords(['1', '2', '3', '4'], 2, 60)).toEqual({ points: ['1', '2'], more: 2 });
  });

  it('cuts the point that crosses the word cap at a word when a fair part fits, else leaves it out', () => {
    expect(capWords([words(50), words(30, 'x'), 'tail'], 8, 60)).toEqual({ points: [words(50), `${words(10, 'x')}…`], more: 1 });
    expect(capWords([words(57), words(30, 'x')], 8, 60)).toEqual({ points: [words(57)], more: 1 });
  });

  it('cuts a first point that alone is over the cap', () => {
    expect(capWords([words(100)], 8, 60)).toEqual({ points: [`${words(60)}…`], more: 0 });
  });
});

describe('firstWords', () => {
  it('keeps short text and cuts long text at a word, without trailing punctuation', () => {
    expect(firstWords('one two', 5)).toBe('one two');
    expect(firstWords('one two, three four', 2)).toBe('one two…');
  });
});

describe('toSentences', () => {
  it('does not split after an abbreviation followed by a lowercase word', () => {
    expect(toSentences('Use e.g. caching. Then measure.')).toEqual(['Use e.g. caching.', 'Then measure.']);
  });
});

describe('shorten', () => {
  it('leaves short text alone', () => {
    expect(shorten('Cut costs by 40%.', 50)).toBe('Cut costs by 40%.');
  });

  it('cuts at a word and ends with an ellipsis within the limit', () => {
    const s = shorten('The quick brown fox jumps over the lazy dog and keeps running far away', 30);
    expect(s.endsWith('…')).toBe(true);
    expect([...s].length).toBeLessThanOrEqual(30);
    expect(s).toBe('The quick brown fox jumps…');
  });

  it('prefers ending at a clause near the limit', () => {
    expect(shorten('I restored a production snapshot to staging, then ran the migration as written', 52)).toBe('I restored a production snapshot to staging…');
  });

  it('never ends on a figure whose unit was cut off', () => {
    const s = shorten('The integration shipped after all the reviews in 1 week later than planned', 58);
    expect(s).not.toMatch(/\d…$/);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(shorten('😀😀😀😀😀', 5)).toBe('😀😀😀😀😀');
  });
});

describe('brief', () => {
  it('keeps whole sentences while they fit', () => {
    expect(brief('We were slow. Customers left. The board asked why every week for a year.', 35)).toBe('We were slow. Customers left.');
  });

  it('stops after whole sentences rather than keep a stub of the next one', () => {
    expect(brief('Our service stored 400 million rows. A staff engineer proposed splitting the table in one long migration.', 60)).toBe('Our service stored 400 million rows.');
  });

  it('joins bullet points with semicolons', () => {
    expect(brief('Poor deployment UX\n- Siloed teams\n- No standard practices', 200)).toBe('Poor deployment UX; Siloed teams; No standard practices');
  });

  it('shortens a first point that alone is too long', () => {
    const b = brief('A very long first sentence that goes on and on about the context of the story without stopping', 40);
    expect([...b].length).toBeLessThanOrEqual(40);
    expect(b.endsWith('…')).toBe(true);
  });
});

describe('capPoints', () => {
  it('keeps the first points and counts the rest', () => {
    expect(capPoints(['a', 'b', 'c', 'd'], 2, 10)).toEqual({ points: ['a', 'b'], more: 2 });
  });

  it('prefers points the predicate picks but keeps their order', () => {
    expect(capPoints(['team was happy', 'latency fell 40%', 'we shipped', 'saved $12k'], 2, 50, hasFigure)).toEqual({ points: ['latency fell 40%', 'saved $12k'], more: 2 });
  });
});

describe('emphasiseNumbers', () => {
  it('marks figures with their units strong', () => {
    expect(strong('The lock held for 3 hours 40 minutes against a 90-minute window.')).toEqual(['3 hours 40 minutes', '90-minute']);
    expect(strong('Costs fell 52%, or $237,000 a year; 1,200 rows drifted.')).toEqual(['52%', '$237,000', '1,200 rows']);
    expect(strong('From 280 ms to 170 ms, 15x faster, 400GB in 12 minutes')).toEqual(['280 ms', '170 ms', '15x', '400GB', '12 minutes']);
  });

  it('leaves digits inside names alone', () => {
    expect(strong('Moved EC2 logs to S3 and watched p99 latency')).toEqual([]);
    expect(hasFigure('EC2 and S3')).toBe(false);
  });

  it('keeps every character, in order', () => {
    const text = 'Saved 4 hours a week (about 30%) for 12 people.';
    expect(emphasiseNumbers(text).map((r) => r.text).join('')).toBe(text);
  });
});
