/** `prep check`: lint the notes; exit 1 when any finding is an error. */
import { checkStories } from '../../check/check-stories.js';
import { coachStories } from '../../check/coaching.js';
import { storyTexts } from '../../load/story-text.js';
import { byCodeUnit } from '../../story/text.js';
import { loadForCommand, type Context, type StoryOptions } from '../context.js';
import { openStoryHistory } from '../history-context.js';
import { PrepError } from '../errors.js';
import type { Diagnostic } from '../../story/types.js';

/** Options of `prep check`. */
export interface CheckOptions extends StoryOptions {
  json?: boolean;
  history?: string;
}

/** Findings about the review history; a history that cannot be read is left to the commands that use it. */
async function historyFindingsFor(ctx: Context, flag: string | undefined, loaded: Parameters<typeof openStoryHistory>[2]): Promise<Diagnostic[]> {
  const { historyFindings } = await import('../../history/findings.js');
  try {
    const history = await openStoryHistory(ctx, flag, loaded, { notices: false });
    return historyFindings(history.identities, history.file);
  } catch (e) {
    if (e instanceof PrepError) return [];
    throw e;
  }
}

/** Run the lint rules and print findings location-first, or as JSON. */
export async function runCheck(ctx: Context, opts: CheckOptions): Promise<number> {
  // Check reports what it found even when nothing parsed as a story: that is when its findings matter most.
  const { stories, diagnostics, sources, files } = await loadForCommand(ctx, opts, { quiet: true, allowEmpty: true });
  // Coaching findings point at the part's own line, so they are sorted in with the rest.
  const findings = [...checkStories(stories, diagnostics), ...coachStories(stories, storyTexts(files))].sort((a, b) => byCodeUnit(a.file, b.file) || a.line - b.line);
  // The bundled samples are not the stories a history was written for.
  if (stories.length && sources.origin !== 'bundled') for (const f of await historyFindingsFor(ctx, opts.history, { stories, files })) findings.push(f);
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
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${infos ? `, ${infos} hint${infos === 1 ? '' : 's'}` : ''} in ${star} ${star === 1 ? 'story' : 'stories'} and ${stories.length - star} note${stories.length - star === 1 ? '' : 's'}`;
  o.out(errors ? o.c.red(summary) : warnings ? o.c.yellow(summary) : o.c.green(`✓ ${summary}`));
  return errors ? 1 : 0;
}
