/** Commander wiring: each command converts its options and calls its run function, loaded on demand. */
import { Command, Option } from 'commander';
import { VERSION } from '../version.js';
import type { Context } from './context.js';

/** Set by actions: the exit code the command returned. */
export interface RunState {
  exitCode: number;
}

const collect = (value: string, prev: string[] | undefined): string[] => [...(prev ?? []), value];

/** The --stories option every story-reading command takes. */
function storiesOption(): Option {
  return new Option('-s, --stories <path>', 'story file or folder (repeatable; default: config, $PREP_STORIES, ./stories)').argParser(collect);
}

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** Build the `prep` program; `ctx` is created lazily so `--help` costs nothing. */
export function buildProgram(getCtx: () => Promise<Context>, state: RunState): Command {
  const program = new Command();
  program
    .name('prep')
    .description('Practise behavioral interviews from your own STAR notes: list, check, find, quiz, export.')
    .version(VERSION, '-V, --version')
    .option('--no-color', 'disable colours (NO_COLOR is honoured too)')
    .showSuggestionAfterError(true)
    .addHelpText('after', examples('prep list', 'prep show conflict', 'prep check --stories ~/notes/interview'));

  const run = (fn: (ctx: Context) => Promise<number>) => async () => {
    state.exitCode = await fn(await getCtx());
  };

  program
    .command('list')
    .description('list stories with their STAR completeness and speaking time')
    .option('--json', 'print the stories as a JSON array')
    .addOption(storiesOption())
    .addHelpText('after', examples('prep list', 'prep list --json --stories notes/ | jq ".[].title"'))
    .action((opts) => run(async (ctx) => (await import('./commands/list.js')).runList(ctx, opts))());

  program
    .command('show')
    .description('show one story, by id or words of its title')
    .argument('<story...>', 'story id or title words')
    .option('--json', 'print the story as JSON')
    .addOption(storiesOption())
    .addHelpText('after', examples('prep show conflict', 'prep show "schema migration"'))
    .action((words: string[], opts) => run(async (ctx) => (await import('./commands/show.js')).runShow(ctx, words.join(' '), opts))());

  program
    .command('check')
    .description('find gaps in your notes: missing STAR parts, results without numbers, stories too long to tell')
    .option('--json', 'print findings as JSON')
    .addOption(storiesOption())
    .addHelpText('after', examples('prep check', 'prep check --json --stories ~/notes'))
    .action((opts) => run(async (ctx) => (await import('./commands/check.js')).runCheck(ctx, opts))());

  program
    .command('find')
    .description('find the stories that answer an interview question (typos and other wording welcome)')
    .argument('<question...>', 'the question, as the interviewer would ask it')
    .option('-n, --limit <n>', 'how many results', '5')
    .option('--json', 'print results as JSON: [{id, title, score, matched, source}]')
    .option('--explain', 'show how the question was read: words dropped, typos fixed, competencies, fields matched')
    .addOption(storiesOption())
    .addHelpText('after', examples('prep find "tell me about a time you disagreed with your manager"', 'prep find conflcit --explain', 'prep find "greatest weakness" --json'))
    .action((words: string[], opts) => run(async (ctx) => (await import('./commands/find.js')).runFind(ctx, words, opts))());

  program
    .command('coverage')
    .description('show which competencies your stories cover, and the gaps to write next')
    .option('--json', 'print coverage as JSON')
    .addOption(storiesOption())
    .addHelpText('after', examples('prep coverage', 'prep coverage --json | jq .gaps'))
    .action((opts) => run(async (ctx) => (await import('./commands/coverage.js')).runCoverage(ctx, opts))());

  program
    .command('init')
    .description('write a starter stories folder with a commented template story (never overwrites)')
    .argument('[folder]', 'folder to create', 'stories')
    .addHelpText('after', examples('prep init', 'prep init ~/notes/interview'))
    .action((folder: string) => run(async (ctx) => (await import('./commands/init.js')).runInit(ctx, folder))());

  return program;
}
