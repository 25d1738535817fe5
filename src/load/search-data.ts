/**
 * Search data the build computes ahead of time (scripts/bundle.mjs writes it beside the bundle): the stemmed lexicon
 * tables, and how each bank question is read. Both depend only on prep's own source, so computing them at every
 * cold start would waste time. Each file carries a fingerprint of the lexicon it was made from; a missing, corrupt,
 * mismatched or oddly shaped file is ignored (with a debug note) and the caller computes instead.
 */
import { readFileSync } from 'node:fs';
import type { QueryPlan, SearchTables } from '../search/engine.js';

export const TABLES_FILE = 'search-tables.json';
export const PLANS_FILE = 'bank-plans.json';

/** A bank question's plan as stored: what ranking needs. */
export type StoredPlan = Pick<QueryPlan, 'question' | 'terms' | 'competencies' | 'storyQuestion'>;

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

function readJson(file: URL, debug?: (m: string) => void): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    debug?.(`no precomputed search data in ${file.pathname}; computing it`);
    return null;
  }
}

/** Whether stored tables have the shape matching needs (one entry per competency). */
export function validTables(t: unknown, competencies: number): t is SearchTables {
  if (!t || typeof t !== 'object') return false;
  const { lexicon, related } = t as Partial<SearchTables>;
  if (!Array.isArray(lexicon) || lexicon.length !== competencies) return false;
  const entriesOk = lexicon.every(
    (e) => e && isStrings(e.single) && Array.isArray(e.phrases) && e.phrases.every((p) => isStrings(p) && p.length > 1) && Array.isArray(e.bank) && e.bank.every(isStrings),
  );
  const { surface } = t as Partial<SearchTables>;
  return entriesOk && isStrings(surface) && !!related && typeof related === 'object' && !Array.isArray(related) && Object.values(related).every(isStrings);
}

/** The build's lexicon tables, or null. */
export function readSearchTables(fingerprint: string, competencies: number, debug?: (m: string) => void, dir = new URL('./', import.meta.url)): SearchTables | null {
  const data = readJson(new URL(TABLES_FILE, dir), debug) as { fingerprint?: unknown; tables?: unknown } | null;
  if (!data) return null;
  if (data.fingerprint !== fingerprint || !validTables(data.tables, competencies)) {
    debug?.('precomputed search tables are for another lexicon or malformed; computing them');
    return null;
  }
  return data.tables;
}

function validPlan(p: unknown, question: string): p is StoredPlan {
  if (!p || typeof p !== 'object') return false;
  const plan = p as Partial<StoredPlan>;
  return (
    plan.question === question &&
    typeof plan.storyQuestion === 'boolean' &&
    Array.isArray(plan.terms) &&
    plan.terms.every((t) => t && typeof t.term === 'string' && typeof t.weight === 'number' && Number.isFinite(t.weight) && typeof t.source === 'string') &&
    Array.isArray(plan.competencies) &&
    plan.competencies.every((c) => c && typeof c.id === 'string' && typeof c.weight === 'number' && Number.isFinite(c.weight))
  );
}

/** The build's plans of the bank questions (in the order given), or null. */
export function readBankPlans(fingerprint: string, questions: string[], debug?: (m: string) => void, dir = new URL('./', import.meta.url)): StoredPlan[] | null {
  const data = readJson(new URL(PLANS_FILE, dir), debug) as { fingerprint?: unknown; plans?: unknown } | null;
  if (!data) return null;
  const plans = data.plans;
  if (data.fingerprint !== fingerprint || !Array.isArray(plans) || plans.length !== questions.length || !plans.every((p, i) => validPlan(p, questions[i]!))) {
    debug?.('precomputed bank plans are for another question bank or malformed; computing them');
    return null;
  }
  return plans;
}
