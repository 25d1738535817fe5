/** Frameworks for commands: a built-in one or the user's YAML file in the config folder, and its stories by principle. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Framework, Principle } from '../frameworks/framework.js';
import type { SearchIndex } from '../search/engine.js';
import type { CoverageRow } from '../search/coverage.js';
import type { Context } from './context.js';
import { didYouMean, EXIT, PrepError } from './errors.js';

/** The folder holding the user's framework files. */
export function frameworksFolder(ctx: Pick<Context, 'folders'>): string {
  return join(ctx.folders.config, 'frameworks');
}

/** Names of the user's framework files (without .yaml). */
function userFrameworks(ctx: Pick<Context, 'folders'>): string[] {
  try {
    return readdirSync(frameworksFolder(ctx)).filter((f) => /\.ya?ml$/.test(f)).map((f) => f.replace(/\.ya?ml$/, '')).sort();
  } catch {
    return [];
  }
}

/** The framework named by --framework: `amazon`, `generic`, or a file in the config folder; unknown names get "did you mean". */
export async function loadFramework(ctx: Pick<Context, 'folders'>, name: string): Promise<Framework> {
  const { BUILT_IN_FRAMEWORKS, frameworkId, genericFramework, parseFramework } = await import('../frameworks/framework.js');
  const id = frameworkId(name);
  if (!id) throw new PrepError('usage.framework', `--framework needs a name, not "${name}"`, EXIT.usage, `built in: ${BUILT_IN_FRAMEWORKS.join(', ')}`);
  for (const ext of ['yaml', 'yml']) {
    const file = join(frameworksFolder(ctx), `${id}.${ext}`);
    if (existsSync(file)) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new PrepError('framework.unreadable', `cannot read framework ${file}: ${(e as Error).message}`, EXIT.failure);
      }
      return parseFramework(text, file, id);
    }
  }
  if (id === 'amazon') return (await import('../frameworks/amazon.js')).AMAZON;
  if (id === 'generic') return genericFramework();
  const known = [...BUILT_IN_FRAMEWORKS, ...userFrameworks(ctx)];
  throw new PrepError('usage.framework', `unknown framework "${name}"`, EXIT.usage, didYouMean(id, known, `frameworks: ${known.join(', ')}; \`prep framework init ${id}\` writes your own`));
}

/** Every knob of principle matching, with why. */
export const FRAMEWORK_PARAMS = {
  /** A story counts for a principle from this match score on: below it the best sample story was a loose fit (Think Big, 0.43). */
  coverScore: 0.45,
};

/** How the stories fit one principle, best first. */
export interface PrincipleCoverage {
  principle: Principle;
  ranked: { id: string; score: number }[];
  best: { id: string; score: number } | null;
  gap: boolean;
}

/** The framework mapped onto the stories: per principle the stories ranked, per story its principles best first. */
export interface FrameworkMap {
  coverage: PrincipleCoverage[];
  topicsOf: Map<string, string[]>;
}

/**
 * Map each principle to stories through the matcher's public API: every question of the principle, and its words
 * asked as one question, each ranked by `matchQuestion`; a story's score for the principle is its best.
 */
export async function mapFramework(fw: Framework, index: SearchIndex): Promise<FrameworkMap> {
  const { matchQuestion } = await import('../search/engine.js');
  const limit = index.docs.length;
  // Principles are asked as behavioral questions: talking-point notes do not answer them.
  const stars = new Set(index.docs.filter((d) => d.kind === 'star').map((d) => d.id));
  const coverage = fw.principles.map((principle): PrincipleCoverage => {
    const queries = [...principle.questions, ...(principle.words.length ? [`Tell me about a time: ${principle.words.join(', ')}`] : [])];
    const best = new Map<string, number>();
    for (const q of queries) {
      for (const m of matchQuestion(index, q, { limit }).matches) if (stars.has(m.id)) best.set(m.id, Math.max(best.get(m.id) ?? 0, m.score));
    }
    const ranked = [...best].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const top = ranked[0] ?? null;
    return { principle, ranked, best: top, gap: !top || top.score < FRAMEWORK_PARAMS.coverScore };
  });
  const topicsOf = new Map<string, { id: string; score: number }[]>();
  for (const c of coverage) {
    for (const r of c.ranked) if (r.score >= FRAMEWORK_PARAMS.coverScore) topicsOf.set(r.id, [...(topicsOf.get(r.id) ?? []), { id: c.principle.id, score: r.score }]);
  }
  return { coverage, topicsOf: new Map([...topicsOf].map(([id, list]) => [id, list.sort((a, b) => b.score - a.score).map((x) => x.id)])) };
}

/** A framework's coverage in the shape of competency coverage, so the cheat sheet's index lists principles instead. */
export async function frameworkCoverageRows(ctx: Pick<Context, 'folders'>, name: string, index: SearchIndex): Promise<{ framework: Framework; rows: CoverageRow[] }> {
  const framework = await loadFramework(ctx, name);
  const { coverage } = await mapFramework(framework, index);
  const rows = coverage.map((c) => ({
    competency: { id: c.principle.id, name: c.principle.name, words: c.principle.words, questions: c.principle.questions },
    best: c.best,
    others: c.ranked.slice(1, 3).filter((r) => r.score >= FRAMEWORK_PARAMS.coverScore),
    gap: c.gap,
  }));
  return { framework, rows };
}

/** For `prep quiz --framework`: each covering story's questions, from the principle it covers best; an empty pool is a usage error. */
export async function frameworkQuestions(ctx: Pick<Context, 'folders'>, name: string, index: SearchIndex): Promise<Map<string, string[]>> {
  const framework = await loadFramework(ctx, name);
  const { topicsOf } = await mapFramework(framework, index);
  const byId = new Map(framework.principles.map((p) => [p.id, p]));
  const out = new Map<string, string[]>();
  for (const [story, principles] of topicsOf) {
    const questions = byId.get(principles[0]!)?.questions ?? [];
    if (questions.length) out.set(story, questions);
  }
  if (!out.size) throw new PrepError('quiz.empty', `no story covers a principle of ${framework.name}`, EXIT.usage, `\`prep coverage --framework ${framework.id}\` shows the gaps`);
  return out;
}
