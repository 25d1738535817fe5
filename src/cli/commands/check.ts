/** `prep check`: lint the notes; exit 1 when any finding is an error. */
import { checkStories } from '../../check/check-stories.js';
import { coachStories } from '../../check/coaching.js';
import { storyTexts } from '../../load/story-text.js';
import { byCodeUnit } from '../../story/text.js';
import { loadForCommand, type Context, type StoryOptions } from '../context.js';

/** Options of `prep check`. */
export interface CheckOptions extends StoryOptions {
  json?: boolean;
}

/** Run the lint rules and print findings location-first, or as JSON. */
export async function runCheck(ctx: Context, opts: CheckOptions): Promise<number> {
  // Check reports what it found even when nothing parsed as a story: that is when its findings matter most.
  const { stories, diagnostics, sources, files } = await loadForCommand(ctx, opts, { quiet: true, allowEmpty: true });
  // Coaching findings point at the part's own line, so they are sorted in with the rest.
  const findings = [...checkStories(stories, diagnostics), ...coachStories(stories, storyTexts(files))].sort((a, b) => byCodeUnit(a.file, b.file) || a.line - b.line);
  if (!stories.length) {
    findings.push({
      file: sources.paths.join(', '),
      line: 0,
      column: 0,
      rule: 'no-stories',
      severity: 'error',
      message: `no stories found (${files.length} markdown file${files.length === 1 ? '' : 's'} read); stories are headings with Situation / Task / Action / Result parts`,
    });
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const o = ctx.out;
  if (opts.json) {
    o.out(JSON.stringify(findings.map(({ file, line, column, storyId, severity, rule, message }) => ({ file, line, column, storyId: storyId ?? null, severity, rule, message })), null, 2));
    return errors ? 1 : 0;
  }
  for (const f of findings) {
    const sev = f.severity === 'error' ? o.c.red('error  ') : f.severity === 'warning' ? o.c.yellow('warning') : o.c.blue('hint   ');
    const loc = f.line > 0 ? `${f.file}:${f.line}:${f.column || 1}` : f.file;
    o.out(`${o.c.dim(loc)}  ${sev}  ${f.message}  ${o.c.dim(f.rule)}`);
  }
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const infos = findings.length - errors - warnings;
  const star = stories.filter((s) => s.kind === 'star').length;
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${infos ? `, ${infos} hint${infos === 1 ? '' : 's'}` : ''} in ${star} stories and ${stories.length - star} notes`;
  o.out(errors ? o.c.red(summary) : warnings ? o.c.yellow(summary) : o.c.green(`✓ ${summary}`));
  return errors ? 1 : 0;
}
