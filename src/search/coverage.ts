/** Coverage: for every competency, the story that shows it best, and the gaps with no story above a threshold. */
import { COMPETENCIES, type Competency } from './competencies.js';
import { answersKind, type SearchIndex } from './engine.js';
import { byCodeUnit } from '../story/text.js';

/** Minimum affinity for a story to count as covering a competency. */
export const COVERAGE_THRESHOLD = 0.45;

/** One competency's coverage. */
export interface CoverageRow {
  competency: Competency;
  best: { id: string; score: number } | null;
  others: { id: string; score: number }[];
  gap: boolean;
}

/** Coverage of every competency by the indexed stories. */
export function computeCoverage(index: SearchIndex, threshold = COVERAGE_THRESHOLD): CoverageRow[] {
  return COMPETENCIES.map((competency, i) => {
    const ranked = index.docs
      .filter((d) => answersKind(competency, d.kind))
      .map((d) => ({ id: d.id, score: d.comp[i] ?? 0 }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || byCodeUnit(a.id, b.id));
    const best = ranked[0] ?? null;
    return { competency, best, others: ranked.slice(1, 3).filter((x) => x.score >= threshold), gap: !best || best.score < threshold };
  });
}
