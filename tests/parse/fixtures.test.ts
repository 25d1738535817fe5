import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStories } from '../../src/parse/parse-stories.js';

const dir = join(import.meta.dirname, '..', 'fixtures');

describe('parseStories fixtures', () => {
  for (const name of readdirSync(dir)) {
    it(`reads ${name} as expected`, () => {
      const input = readFileSync(join(dir, name, 'input.md'), 'utf8');
      const expected = JSON.parse(readFileSync(join(dir, name, 'expected.json'), 'utf8'));
      const r = parseStories(input, 'input.md');
      const got = r.stories.map((s) => ({
        id: s.id, title: s.title, kind: s.kind, path: s.path, line: s.source.line, summary: s.summary,
        situation: s.situation, task: s.task, action: s.action, result: s.result, sections: s.sections, tags: s.tags,
      }));
      expect(got).toEqual(expected.stories);
      expect(r.diagnostics.map((d) => ({ line: d.line, rule: d.rule, severity: d.severity }))).toEqual(expected.diagnostics);
    });
  }
});
