/** Story and coverage fixtures for the export tests. */
import type { Story } from '../../src/story/types.js';
import type { CoverageRow } from '../../src/search/coverage.js';
import { COMPETENCIES } from '../../src/search/competencies.js';

/** A STAR story with every field filled; override what a test is about. */
export function story(id: string, over: Partial<Story> = {}): Story {
  return {
    id,
    title: `Story ${id}`,
    kind: 'star',
    summary: '',
    situation: 'The nightly job kept failing.',
    task: 'Make it reliable.',
    action: '- Added retries.\n- Added alerts.',
    result: 'Failures fell by 90%.',
    sections: [],
    path: [],
    tags: [],
    competencies: [],
    questions: [],
    source: { file: `stories/${id}.md`, line: 3 },
    words: 120,
    speakingSeconds: 48,
    ...over,
  };
}

/** A talking-point note. */
export function note(id: string, over: Partial<Story> = {}): Story {
  return story(id, { kind: 'note', title: `Note ${id}`, situation: '', task: '', action: '', result: '', summary: '- I stay calm.\n- I write things down.', ...over });
}

/** Coverage rows: `best` maps competency ids to [story id, score]; every other competency has no story. */
export function coverage(best: Record<string, [string, number, ...[string, number][]]>): CoverageRow[] {
  return COMPETENCIES.map((competency) => {
    const b = best[competency.id];
    if (!b) return { competency, best: null, others: [], gap: true };
    const [id, score, ...others] = b;
    return { competency, best: { id, score }, others: others.map(([oid, s]) => ({ id: oid, score: s })), gap: score < 0.45 };
  });
}
