import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Heading, Root, RootContent } from 'mdast';
import fc from 'fast-check';
import { scanSections, type HeadingSection } from '../../src/parse/blocks.js';
import { splitLines } from '../../src/parse/parse-stories.js';
import { readFrontMatter } from '../../src/parse/front-matter.js';

// remark is the CommonMark reference: the line scanner must find the same headings (level and line) it does.
const remark = unified().use(remarkParse);

function remarkHeadings(body: string, offset: number): [number, number][] {
  const tree = remark.parse(body) as Root;
  const out: [number, number][] = [];
  const visit = (nodes: RootContent[]) => {
    for (const n of nodes) {
      if (n.type === 'heading') out.push([(n as Heading).depth, n.position!.start.line + offset]);
    }
  };
  visit(tree.children);
  return out;
}

function scannerHeadings(root: HeadingSection): [number, number][] {
  const out: [number, number][] = [];
  const walk = (s: HeadingSection) => {
    for (const c of s.children) {
      out.push([c.depth, c.line]);
      walk(c);
    }
  };
  walk(root);
  return out;
}

function compare(text: string) {
  const lines = splitLines(text);
  const fm = readFrontMatter(lines);
  const body = lines.slice(fm.bodyStart).join('\n');
  const { root } = scanSections(lines.slice(fm.bodyStart), fm.bodyStart + 1);
  expect(scannerHeadings(root)).toEqual(remarkHeadings(body, fm.bodyStart));
}

const root = resolve(import.meta.dirname, '..', '..');
const seeds = resolve(root, '..', 'shared', 'seeds');
const docs = [
  ...readdirSync(join(root, 'stories')).map((f) => join(root, 'stories', f)),
  ...readdirSync(join(root, 'tests', 'fixtures')).map((d) => join(root, 'tests', 'fixtures', d, 'input.md')),
  ...(existsSync(seeds) ? readdirSync(seeds).map((f) => join(seeds, f)) : []),
];

describe('heading structure agrees with remark', () => {
  for (const file of docs) {
    it(`finds the same headings as remark in ${file.slice(root.length - 4)}`, () => compare(readFileSync(file, 'utf8')));
  }

  it('agrees on generated documents with code fences, lists and setext headings', () => {
    const line = fc.constantFrom('# Title', '## Part', '### Situation', 'text line', '', '- item', '  - nested', '```', '~~~', 'Setext', '===', '---', '    indented', '> quote', '| a | b |', '#no-space', '####### seven');
    fc.assert(fc.property(fc.array(line, { maxLength: 30 }), (ls) => compare(ls.join('\n'))), { numRuns: 300, seed: 20261123 });
  });
});
