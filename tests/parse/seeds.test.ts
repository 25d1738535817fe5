import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStories } from '../../src/parse/parse-stories.js';
import { checkStories } from '../../src/check/check-stories.js';

const seeds = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
const present = existsSync(seeds);
if (!present) console.warn(`seeds acceptance test skipped: ${seeds} not found`);

describe.skipIf(!present)('the real notes in ../shared/seeds', () => {
  const files = present ? readdirSync(seeds).sort() : [];
  const parsed = files.map((f) => parseStories(readFileSync(join(seeds, f), 'utf8'), f));

  it('yields 4 and 13 STAR stories', () => {
    expect(parsed.map((p) => p.stories.filter((s) => s.kind === 'star').length)).toEqual([4, 13]);
    expect(parsed.flatMap((p) => p.diagnostics)).toEqual([]);
  });

  it('reads the talking points of the first file as notes', () => {
    const notes = parsed[0]!.stories.filter((s) => s.kind === 'note').map((s) => s.id);
    expect(notes).toHaveLength(4);
    for (const w of ['tradeoffs', 'simplicity', 'grow', 'weakness']) expect(notes.some((id) => id.includes(w))).toBe(true);
  });

  it('has every part of every portfolio story but the task, with tech lines as tags', () => {
    for (const s of parsed[1]!.stories) {
      expect(s.situation && s.action && s.result, s.id).toBeTruthy();
      expect(s.tags.length, s.id).toBeGreaterThan(0);
      expect(s.title).not.toMatch(/[<>*]/);
    }
    // Explicit anchors become the ids.
    const text = readFileSync(join(seeds, files[1]!), 'utf8');
    for (const s of parsed[1]!.stories) expect(text, s.id).toContain(`<a id="${s.id}">`);
  });

  it('keeps the heading trail and the typo in a heading', () => {
    const first = parsed[0]!.stories.filter((s) => s.kind === 'star');
    expect(first.every((s) => s.path.length >= 1)).toBe(true);
    expect(first.some((s) => s.path.length === 2)).toBe(true);
    expect(first.some((s) => s.title === 'Misktake')).toBe(true);
  });

  it('finds exactly one story with an empty Result, and check calls it an error', () => {
    const all = parsed.flatMap((p) => p.stories);
    const empty = all.filter((s) => s.kind === 'star' && !s.result);
    expect(empty).toHaveLength(1);
    const findings = checkStories(all).filter((f) => f.severity === 'error');
    expect(findings.map((f) => f.storyId)).toEqual([empty[0]!.id]);
  });

  it('ignores the editor data comment at the end', () => {
    const text = parsed[0]!.stories.map((s) => JSON.stringify(s)).join('');
    expect(text).not.toContain('stackedit');
  });
});
