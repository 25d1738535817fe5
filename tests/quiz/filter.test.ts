import { describe, expect, it } from 'vitest';
import { allTags, storiesWithCompetency, storiesWithTag } from '../../src/quiz/filter.js';
import { COMPETENCIES } from '../../src/search/competencies.js';
import type { Story } from '../../src/story/types.js';

const story = (id: string, over: Partial<Story> = {}): Story => ({ id, competencies: [], tags: [], ...over }) as Story;
const conflict = COMPETENCIES.find((c) => c.id === 'conflict')!;

describe('storiesWithCompetency', () => {
  it('keeps the stories whose competencies (as withCompetencies fills them in) include the one asked for, in order', () => {
    const stories = [story('a', { competencies: ['leadership'] }), story('b', { competencies: ['conflict', 'failure'] }), story('c', { competencies: ['conflict'] })];
    expect(storiesWithCompetency(stories, conflict).map((s) => s.id)).toEqual(['b', 'c']);
  });
});

describe('storiesWithTag / allTags', () => {
  it('matches tags without regard to case and lists each tag once, sorted', () => {
    const stories = [story('a', { tags: ['Backend', 'go'] }), story('b', { tags: ['backend'] }), story('c')];
    expect(storiesWithTag(stories, ' BACKEND ').map((s) => s.id)).toEqual(['a', 'b']);
    expect(allTags(stories)).toEqual(['Backend', 'go']);
  });

  it('compares tags the way export does: "#data-bases" finds "Data_bases"', () => {
    const stories = [story('a', { tags: ['Data_bases'] }), story('b', { tags: ['frontend'] })];
    expect(storiesWithTag(stories, '#data-bases').map((s) => s.id)).toEqual(['a']);
    expect(storiesWithTag(stories, 'data bases').map((s) => s.id)).toEqual(['a']);
  });
});
