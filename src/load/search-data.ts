/**
 * Search data the build computes ahead of time (scripts/bundle.mjs writes dist/bundle/search-data.json): the stemmed
 * lexicon tables and how each bank question is read. They depend only on prep's own source, so computing them at
 * every cold start would waste ~100 ms. Missing or mismatched data (a dev run from src/, an edited bank) is ignored:
 * the caller computes instead.
 */
import { readFileSync } from 'node:fs';
import type { QueryPlan, SearchTables } from '../search/engine.js';

/** The file's shape. */
export interface SearchData {
  questions: string[];
  plans: QueryPlan[];
  tables: SearchTables;
}

let cached: SearchData | null | undefined;

/** The build's search data next to this module, or null; `questions` must equal the bank the caller has. */
export function readSearchData(questions: string[], debug?: (m: string) => void): SearchData | null {
  if (cached === undefined) {
    try {
      const data = JSON.parse(readFileSync(new URL('./search-data.json', import.meta.url), 'utf8')) as SearchData;
      cached = data && Array.isArray(data.questions) && Array.isArray(data.plans) && data.tables ? data : null;
    } catch {
      cached = null;
    }
  }
  if (!cached) {
    debug?.('no precomputed search data; computing it');
    return null;
  }
  const same = cached.questions.length === questions.length && cached.plans.length === questions.length && cached.questions.every((q, i) => q === questions[i]);
  if (!same) debug?.('precomputed search data is for another question bank; computing it');
  return same ? cached : null;
}
