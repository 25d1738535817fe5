/** Lint rules over parsed stories: missing STAR parts, results without numbers, stories too long to tell. */
import type { Diagnostic, Story } from '../story/types.js';
import { byCodeUnit, formatDuration } from '../story/text.js';
import { statesOutcome } from '../story/figures.js';
import { TEMPLATE_PHRASES } from '../story/template.js';

/** Longest comfortable spoken answer, in seconds. */
export const MAX_TELL_SECONDS = 180;

/** Whether text states a measurable outcome (kept as an export for callers of the old name). */
export const hasNumber = statesOutcome;

const PART_NAMES = { situation: 'Situation', task: 'Task', action: 'Action', result: 'Result' } as const;

/** Findings for a set of stories; parse diagnostics are passed in and kept. */
export function checkStories(stories: Story[], parseDiagnostics: Diagnostic[] = []): Diagnostic[] {
  const out: Diagnostic[] = [...parseDiagnostics];
  for (const s of stories) {
    if (s.kind !== 'star') continue;
    const at = { file: s.source.file, line: s.source.line, column: 1, storyId: s.id };
    for (const part of ['situation', 'action', 'result'] as const) {
      if (!s[part].trim()) out.push({ ...at, rule: 'missing-part', severity: 'error', message: `"${s.title}" has no ${PART_NAMES[part]} (or it is empty)` });
    }
    if (!s.task.trim()) {
      out.push({ ...at, rule: 'missing-task', severity: 'info', message: `"${s.title}" has no Task; fine if the Situation says what you had to do` });
    }
    if (s.result.trim() && !hasNumber(s.result)) {
      out.push({ ...at, rule: 'result-without-number', severity: 'warning', message: `"${s.title}": the Result has no measurable outcome (no number)` });
    }
    const text = [s.title, s.situation, s.task, s.action, s.result].join('\n');
    if (TEMPLATE_PHRASES.some((p) => text.includes(p))) {
      out.push({ ...at, rule: 'template-text', severity: 'warning', message: `"${s.title}" still has the template's example text; replace it with your story` });
    }
    if (s.speakingSeconds > MAX_TELL_SECONDS) {
      out.push({
        ...at,
        rule: 'too-long',
        severity: 'warning',
        message: `"${s.title}" takes about ${formatDuration(s.speakingSeconds)} to tell (${s.words} words); aim for under ${formatDuration(MAX_TELL_SECONDS)}`,
      });
    }
  }
  return out.sort((a, b) => byCodeUnit(a.file, b.file) || a.line - b.line);
}
