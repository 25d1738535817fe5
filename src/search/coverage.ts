/**
 * Coverage: for every competency, the story that answers its interview questions best, and the gaps. It asks the
 * competency's best-known bank questions through the same pipeline and weak-match rule as `prep find`, so a
 * competency counts as covered exactly when `find` would give a strong match for it.
 */
import { COMPETENCIES, type Competency } from './competencies.js';
import { answersKind, confidence, isWeak, planQuery, rank, type IndexedDoc, type SearchIndex } from './engine.js';
import { DEFAULT_SEARCH_PARAMS } from './params.js';
import { byCodeUnit } from '../story/text.js';

/** Minimum confidence for a story to count as covering a competency: the weak-match rule's. */
export const COVERAGE_THRESHOLD = DEFAULT_SEARCH_PARAMS.weakBelow;

/** How many of each competency's questions are asked (the core ones come first in the bank). */
const QUESTIONS_ASKED = 3;

/** One competency's coverage. */
export interface CoverageRow {
  competency: Competency;
  best: { id: string; score: number } | null;
  others: { id: string; score: number }[];
  gap: boolean;
}

/** Coverage of every competency by the indexed stories (`keep` limits it to some of them, as the cheat sheet does). */
export function computeCoverage(index: SearchIndex, keep?: (doc: IndexedDoc) => boolean): CoverageRow[] {
  return COMPETENCIES.map((competency) => {
    const fits = (d: IndexedDoc) => answersKind(competency, d.kind) && (!keep || keep(d));
    // Each story's best confidence over the questions, counting only answers `find` would not call weak.
    const best = new Map<string, number>();
    for (const q of competency.questions.slice(0, QUESTIONS_ASKED)) {
      const plan = planQuery(index, q);
      const matches = rank(index, plan, 3, {}, new Set(), fits);
      if (isWeak(plan, matches)) continue;
      for (const m of matches) {
        const c = confidence(plan, [m]);
        if (c >= COVERAGE_THRESHOLD) best.set(m.id, Math.max(best.get(m.id) ?? 0, c));
      }
    }
    const ranked = [...best].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || byCodeUnit(a.id, b.id));
    return { competency, best: ranked[0] ?? null, others: ranked.slice(1, 3), gap: !ranked.length };
  });
}
