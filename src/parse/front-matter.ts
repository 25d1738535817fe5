/** Front matter: found by its `---` fences, read as YAML only (gray-matter's JavaScript engine is refused). */
import matter from 'gray-matter';

/** The loose shape of front matter as users write it. */
export type FrontMatterInput = Record<string, unknown>;

/** Outcome of reading front matter: data, where the body starts, and a problem if any. */
export interface FrontMatter {
  data: FrontMatterInput;
  /** Index into the file's lines of the first body line. */
  bodyStart: number;
  error: { line: number; message: string } | null;
}

const refuse = (lang: string) => ({
  parse(): never {
    throw new Error(`front matter in ${lang} is not read (only YAML); nothing in it was run`);
  },
});

const ENGINES = {
  js: refuse('JavaScript'),
  javascript: refuse('JavaScript'),
  coffee: refuse('CoffeeScript'),
  coffeescript: refuse('CoffeeScript'),
  cson: refuse('CSON'),
};

/** Read the front matter at the top of `lines`, if the first line is a `---` fence. */
export function readFrontMatter(lines: string[]): FrontMatter {
  const none: FrontMatter = { data: {}, bodyStart: 0, error: null };
  const first = lines[0];
  if (first === undefined || !/^---[A-Za-z]*\s*$/.test(first)) return none;
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)\s*$/.test(lines[i]!)) {
      end = i;
      break;
    }
  }
  if (end < 0) return none;
  const language = first.slice(3).trim().toLowerCase() || 'yaml';
  const text = ['---' + language, ...lines.slice(1, end), '---', ''].join('\n');
  try {
    // Options disable gray-matter's cache and its eval-based engines.
    const parsed = matter(text, { language: 'yaml', engines: ENGINES as never });
    const data = parsed.data as unknown;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return { data: {}, bodyStart: end + 1, error: { line: 1, message: 'front matter is not a mapping of keys to values' } };
    }
    return { data: data as FrontMatterInput, bodyStart: end + 1, error: null };
  } catch (e) {
    const err = e as { mark?: { line?: number }; reason?: string; message?: string };
    // js-yaml may report an unclosed bracket at the end of the input; keep the line inside the front matter.
    const line = typeof err.mark?.line === 'number' ? Math.min(Math.max(2, err.mark.line + 2), Math.max(2, end)) : 1;
    const message = (err.reason ?? err.message ?? String(e)).split('\n')[0]!;
    return { data: {}, bodyStart: end + 1, error: { line, message: `front matter did not parse: ${message}` } };
  }
}

/** A list of strings from a front matter value given as a list or a comma-separated string. */
export function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v) => ['string', 'number'].includes(typeof v)).map((v) => String(v).trim()).filter(Boolean);
  return [];
}

/** A string from a front matter value, or null. */
export function stringValue(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : null;
}
