import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameworkTemplate, genericFramework, parseFramework } from '../../src/frameworks/framework.js';
import { AMAZON } from '../../src/frameworks/amazon.js';
import { loadFramework } from '../../src/cli/framework-context.js';
import { runFrameworkInit } from '../../src/cli/commands/framework.js';
import { runCoverage } from '../../src/cli/commands/coverage.js';
import { runExport } from '../../src/cli/commands/export.js';
import { runMock } from '../../src/cli/commands/mock.js';
import { runQuiz } from '../../src/cli/commands/quiz.js';
import { PrepError } from '../../src/cli/errors.js';
import type { QuizPrompts } from '../../src/cli/prompts.js';
import { seededRandom } from '../../src/quiz/random.js';
import { ROOT, tempDir, testContext } from '../helpers.js';

const SAMPLES = join(ROOT, 'stories');

function errorOf(fn: () => unknown): PrepError {
  try {
    fn();
  } catch (e) {
    return e as PrepError;
  }
  throw new Error('no error');
}

describe('AMAZON', () => {
  it('has the sixteen Leadership Principles by their public names, each with words and questions', () => {
    expect(AMAZON.principles).toHaveLength(16);
    expect(AMAZON.principles.map((p) => p.name)).toContain('Have Backbone; Disagree and Commit');
    expect(new Set(AMAZON.principles.map((p) => p.id)).size).toBe(16);
    expect(AMAZON.principles.every((p) => p.words.length >= 5 && p.questions.length >= 2)).toBe(true);
  });
});

describe('genericFramework', () => {
  it("is prep's behavioral competencies without the talking-point ones", () => {
    const ids = genericFramework().principles.map((p) => p.id);
    expect(ids).toContain('conflict');
    expect(ids).not.toContain('weaknesses');
  });
});

describe('parseFramework', () => {
  it('reads the template it writes', () => {
    const fw = parseFramework(frameworkTemplate('acme'), 'acme.yaml', 'acme');
    expect(fw.name).toBe('acme');
    expect(fw.principles.map((p) => p.id)).toEqual(['customer-focus', 'ownership']);
    expect(fw.principles[0]!.questions[0]).toBe('Tell me about a time you went out of your way for a customer.');
  });

  it('asks a principle given by words alone in the plainest form', () => {
    const fw = parseFramework('principles:\n  - name: Frugality\n    words: [cost, budget]\n', 'f.yaml', 'f');
    expect(fw.principles[0]!.questions).toEqual(['Tell me about a time you showed frugality.']);
  });

  it('says when the file is not valid YAML, has no principles, or a principle has no name or words', () => {
    expect(errorOf(() => parseFramework('name: x\nprinciples: [a, b\n', 'f.yaml', 'f')).message).toMatch(/^framework file f\.yaml: not valid YAML \(line \d+\): /);
    expect(errorOf(() => parseFramework('name: x\n', 'f.yaml', 'f')).message).toBe('framework file f.yaml: no principles (a "principles:" list is needed)');
    expect(errorOf(() => parseFramework('- a\n- b\n', 'f.yaml', 'f')).message).toBe('framework file f.yaml: expected a mapping with "name" and "principles"');
    expect(errorOf(() => parseFramework('principles:\n  - words: [x]\n', 'f.yaml', 'f')).message).toBe('framework file f.yaml: principle 1 has no "name"');
    expect(errorOf(() => parseFramework('principles:\n  - Ownership\n', 'f.yaml', 'f')).message).toBe('framework file f.yaml: principle "Ownership" has no "words" or "questions" to find stories by');
    expect(errorOf(() => parseFramework('principles: []\n', 'f.yaml', 'f')).exitCode).toBe(2);
  });
});

describe('loadFramework', () => {
  it('suggests the closest name for an unknown one, the user\'s files included', async () => {
    const ctx = testContext(tempDir());
    mkdirSync(join(ctx.folders.config, 'frameworks'), { recursive: true });
    writeFileSync(join(ctx.folders.config, 'frameworks', 'acme.yaml'), frameworkTemplate('acme'));
    const e = (await loadFramework(ctx, 'amazn').catch((x: unknown) => x)) as PrepError;
    expect([e.message, e.hint, e.exitCode]).toEqual(['unknown framework "amazn"', 'did you mean "amazon"?', 2]);
    expect(((await loadFramework(ctx, 'acmee').catch((x: unknown) => x)) as PrepError).hint).toBe('did you mean "acme"?');
    expect((await loadFramework(ctx, 'Acme')).principles).toHaveLength(2);
  });
});

describe('prep framework init', () => {
  it('writes the template into the config folder, never over a file, and not for a built-in name', async () => {
    const ctx = testContext(tempDir());
    expect(await runFrameworkInit(ctx, 'Acme Corp')).toBe(0);
    const file = join(ctx.folders.config, 'frameworks', 'acme-corp.yaml');
    expect(ctx.out.stdout[0]).toBe(file);
    expect(readFileSync(file, 'utf8')).toContain('principles:');
    expect(((await runFrameworkInit(ctx, 'acme-corp').catch((x: unknown) => x)) as PrepError).code).toBe('framework.exists');
    expect(((await runFrameworkInit(ctx, 'amazon').catch((x: unknown) => x)) as PrepError).message).toBe('"amazon" is a built-in framework');
  });
});

describe('--framework amazon on the samples', () => {
  it('coverage lists every principle with its best story, and the gaps', async () => {
    const ctx = testContext(ROOT);
    await runCoverage(ctx, { stories: [SAMPLES], framework: 'amazon', json: true });
    const json = JSON.parse(ctx.out.stdout.join('\n'));
    expect(json.principles).toHaveLength(16);
    const backbone = json.principles.find((p: { id: string }) => p.id === 'have-backbone-disagree-and-commit');
    expect(backbone.best.id).toBe('pushing-back-on-a-risky-schema-migration');
    expect(json.principles.find((p: { id: string }) => p.id === 'hire-and-develop-the-best').best.title).toMatch(/new engineer/);
    // Talking points never count for a principle.
    expect(json.principles.every((p: { best: { id: string } | null }) => !p.best || !['career-goals', 'strengths'].includes(p.best.id))).toBe(true);
    expect(json.gaps).toEqual(json.principles.filter((p: { gap: boolean }) => p.gap).map((p: { id: string }) => p.id));
    const text = testContext(ROOT);
    await runCoverage(text, { stories: [SAMPLES], framework: 'amazon' });
    expect(text.out.stdout[0]).toMatch(/^Amazon Leadership Principles: \d+ of 16 principles have a story$/);
  });

  it('mock asks principle questions, and export indexes the sheet by principle', async () => {
    const dir = tempDir();
    const ctx = testContext(dir);
    const asked: string[] = [];
    const prompts: QuizPrompts = { timeAnswer: async () => 20_000, pause: async () => {}, checkbox: async () => [], select: async (o) => o.default as never };
    await runMock(ctx, { stories: [SAMPLES], history: join(dir, 'h.jsonl'), framework: 'amazon', minutes: '20' }, { prompts, interactive: true, random: seededRandom(5), clock: () => 0, columns: () => 100 });
    const out = ctx.out.stdout.join('\n');
    expect(out).toContain('Mock interview: 4 questions, about 20 minutes · Amazon Leadership Principles');
    for (const m of out.matchAll(/^Question \d\/4 · (.+)$/gm)) asked.push(m[1]!);
    expect(asked).toHaveLength(4);
    expect(asked.every((name) => AMAZON.principles.some((p) => p.name === name))).toBe(true);
    const questions = readFileSync(join(dir, 'h.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).question);
    expect(questions.every((q: string) => AMAZON.principles.some((p) => p.questions.includes(q)))).toBe(true);
    const ex = testContext(dir);
    await runExport(ex, { stories: [SAMPLES], framework: 'amazon', format: 'md', out: join(dir, 'sheet.md') });
    const md = readFileSync(join(dir, 'sheet.md'), 'utf8');
    expect(md).toContain('Have Backbone; Disagree and Commit');
    expect(md).not.toMatch(/\| Conflict \|/);
  });

  it('quiz asks covering stories one of their best principle\'s questions', async () => {
    const dir = tempDir();
    const ctx = testContext(dir);
    const prompts: QuizPrompts = { timeAnswer: async () => 20_000, pause: async () => {}, select: async (o) => o.default as never };
    await runQuiz(ctx, { stories: [SAMPLES], history: join(dir, 'h.jsonl'), framework: 'amazon', count: '3', cram: true }, { prompts, interactive: true, random: seededRandom(2), clock: () => 0, columns: () => 100 });
    const written = readFileSync(join(dir, 'h.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(written).toHaveLength(3);
    expect(written.every((r) => AMAZON.principles.some((p) => p.questions.includes(r.question)))).toBe(true);
  });
});
