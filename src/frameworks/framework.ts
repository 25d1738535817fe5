/**
 * Frameworks: a company's rubric (Amazon's Leadership Principles), prep's own competencies, or the user's YAML file.
 * A framework is a list of principles, each with the words and questions that probe it. Pure: the caller reads files.
 */
import matter from 'gray-matter';
import { COMPETENCIES } from '../search/competencies.js';
import { EXIT, PrepError } from '../errors.js';

/** One principle (or competency) of a framework. */
export interface Principle {
  id: string;
  name: string;
  summary: string;
  words: string[];
  questions: string[];
}

/** A named list of principles. */
export interface Framework {
  id: string;
  name: string;
  principles: Principle[];
}

/** Names of the frameworks prep ships. */
export const BUILT_IN_FRAMEWORKS = ['amazon', 'generic'] as const;

/** The built-in `generic` framework: prep's behavioral competencies (notes-only ones such as strengths left out). */
export function genericFramework(): Framework {
  return {
    id: 'generic',
    name: 'Behavioral competencies',
    principles: COMPETENCIES.filter((c) => c.answer !== 'note').map((c) => ({ id: c.id, name: c.name, summary: '', words: c.words.slice(0, 12), questions: c.questions.slice(0, 4) })),
  };
}

/** A framework name as a file name: lowercase letters, digits and dashes. */
export function frameworkId(name: string): string {
  return name.trim().toLowerCase().replace(/\.ya?ml$/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

const bad = (file: string, why: string) => new PrepError('framework.invalid', `framework file ${file}: ${why}`, EXIT.usage, 'compare it with `prep framework init NAME`, which writes a template');

/** A list of non-empty strings from a YAML value (a list, or one string). */
function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((x) => typeof x === 'string' || typeof x === 'number').map((x) => String(x).trim()).filter(Boolean);
}

/**
 * Read a framework file: `name`, then `principles`, each with `name`, optional `summary`, and `words` and/or
 * `questions`. YAML is read with js-yaml's safe loader (gray-matter's); not YAML, or no principles, is a usage error.
 */
export function parseFramework(text: string, file: string, id: string): Framework {
  let data: unknown;
  try {
    data = (matter as unknown as { engines: { yaml: { parse: (t: string) => unknown } } }).engines.yaml.parse(text);
  } catch (e) {
    const err = e as { reason?: string; mark?: { line?: number }; message?: string };
    const line = typeof err.mark?.line === 'number' ? ` (line ${err.mark.line + 1})` : '';
    throw bad(file, `not valid YAML${line}: ${(err.reason ?? err.message ?? String(e)).split('\n')[0]}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw bad(file, 'expected a mapping with "name" and "principles"');
  const d = data as Record<string, unknown>;
  if (!Array.isArray(d.principles) || !d.principles.length) throw bad(file, 'no principles (a "principles:" list is needed)');
  const seen = new Set<string>();
  const principles = d.principles.map((raw, i): Principle => {
    const p = (typeof raw === 'string' ? { name: raw } : raw) as Record<string, unknown> | null;
    const name = p && typeof p === 'object' && typeof p.name === 'string' ? p.name.trim() : '';
    if (!name) throw bad(file, `principle ${i + 1} has no "name"`);
    const words = strings(p!.words);
    const questions = strings(p!.questions);
    if (!words.length && !questions.length) throw bad(file, `principle "${name}" has no "words" or "questions" to find stories by`);
    let pid = frameworkId(name) || `principle-${i + 1}`;
    while (seen.has(pid)) pid += '-2';
    seen.add(pid);
    // A principle given by words alone is still asked about, in the plainest form.
    const asked = questions.length ? questions : [`Tell me about a time you showed ${name.charAt(0).toLowerCase()}${name.slice(1)}.`];
    return { id: pid, name, summary: typeof p!.summary === 'string' ? p!.summary.trim() : '', words, questions: asked };
  });
  return { id, name: typeof d.name === 'string' && d.name.trim() ? d.name.trim() : id, principles };
}

/** The YAML template `prep framework init NAME` writes. */
export function frameworkTemplate(name: string): string {
  return `# A prep framework: the principles an interviewer will probe, with the words and questions for each.
# Use it with: prep coverage --framework ${name}   (also quiz, mock and export)
name: ${name}
principles:
  - name: Customer focus
    summary: start from what users need
    words: [customer, users, feedback, support ticket]
    questions:
      - Tell me about a time you went out of your way for a customer.
  - name: Ownership
    summary: take problems beyond your own area
    words: [owned, took over, nobody owned, responsibility]
    questions:
      - Tell me about a problem nobody owned that you fixed.
`;
}
