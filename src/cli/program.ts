/** Commander wiring: each command converts its options and calls its run function, loaded on demand. */
import { Command, Option } from 'commander';
import { VERSION } from '../version.js';
import type { Context } from './context.js';
import { keysHelp, PRECEDENCE } from '../config/help.js';
import { dayKey, inDays } from '../dates.js';
import { didYouMean, EXIT, PrepError } from '../errors.js';
import { COUNT_RANGE, DEFAULTS, TIME_RANGE } from '../config/keys.js';

/** Creates the context on first use; `{ config: false }` skips reading the config file (for `prep config`). */
export type GetContext = (opts?: { config?: boolean }) => Promise<Context>;

/** Set by actions: the exit code the command returned. */
export interface RunState {
  exitCode: number;
}

const collect = (value: string, prev: string[] | undefined): string[] => [...(prev ?? []), value];

/**
 * The --stories option every story-reading command takes. Commands without arguments of their own take several
 * paths after one flag (`--stories notes/*.txt`); the others take one per flag, so a path never eats the question.
 */
function storiesOption(several = true): Option {
  const where = 'default: $PREP_STORIES, then `prep config` stories, then ./stories';
  if (several) return new Option('-s, --stories <path...>', `story files or folders (${where})`);
  return new Option('-s, --stories <path>', `story file or folder (repeatable; ${where})`).argParser(collect);
}

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** Build the `prep` program; `ctx` is created lazily so `--help` costs nothing. */
export function buildProgram(getCtx: GetContext, state: RunState): Command {
  const program = new Command();
  program
    .name('prep')
    .description('Practise behavioral interviews from your own STAR notes: list, check, find, quiz, export.')
    .version(VERSION, '-V, --version')
    .option('--no-color', 'disable colours (NO_COLOR is honoured too)')
    .showSuggestionAfterError(true)
    .addHelpText('after', examples('prep list', 'prep show schema migration', 'prep check --stories ~/notes/interview'))
    .addHelpText('after', `${PRECEDENCE}\n`);

  const run = (fn: (ctx: Context) => Promise<number>) => async () => {
    state.exitCode = await fn(await getCtx());
  };

  // `prep help CMD` as commander has it, but an unknown command is a usage error (exit 2), not the general help.
  program.helpCommand(false);
  program
    .command('help')
    .description('display help for command')
    .argument('[command...]', 'a command, or a command and its subcommand')
    .action((words: string[]) => {
      let cmd: Command = program;
      for (const w of words) {
        const sub = cmd.commands.find((c) => c.name() === w || c.aliases().includes(w));
        if (!sub || sub.name().startsWith('__')) {
          const names = cmd.commands.map((c) => c.name()).filter((n) => !n.startsWith('__'));
          throw new PrepError('usage.command', `unknown command "${words.join(' ')}"`, EXIT.usage, didYouMean(w, names, `commands: ${names.join(', ')}`));
        }
        cmd = sub;
      }
      cmd.outputHelp();
    });

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
    .addOption(storiesOption(false))
    .addHelpText('after', examples('prep show pushing-back-on-a-risky-schema-migration', 'prep show schema migration'))
    .action((words: string[], opts) => run(async (ctx) => (await import('./commands/show.js')).runShow(ctx, words.join(' '), opts))());

  program
    .command('check')
    .description('find gaps in your notes: missing STAR parts, results without numbers, stories too long to tell; coaching: "we" for "I", a long set-up')
    .option('--json', 'print findings as JSON')
    .option('--history <file>', 'review history to check against the notes (default: $PREP_HISTORY, else the user data folder)')
    .addOption(storiesOption())
    .addHelpText('after', examples('prep check', 'prep check --json --stories ~/notes'))
    .action((opts) => run(async (ctx) => (await import('./commands/check.js')).runCheck(ctx, opts))());

  program
    .command('find')
    .description('find the stories that answer an interview question (typos and other wording welcome)')
    .argument('<question...>', 'the question, as the interviewer would ask it')
    .option('-n, --limit <n>', 'how many results', '5')
    .option('--json', 'print results as JSON: [{id, title, score, matched, source}]')
    .option('--explain', 'show each stage: frame stripped, typos fixed, expansion, competencies, ties, evidence per story')
    .option('--pick <n|id>', 'record that result N (or story ID) is the story for this question; later lookups use it')
    .option('--history <file>', 'review history file the pick is recorded in (default: $PREP_HISTORY, else the user data folder)')
    .addOption(storiesOption(false))
    .addHelpText('after', examples('prep find "tell me about a time you disagreed with your manager"', 'prep find conflcit --explain', 'prep find "greatest weakness" --json', 'prep find "a vendor let us down" --pick 2'))
    .action((words: string[], opts) => run(async (ctx) => (await import('./commands/find.js')).runFind(ctx, words, opts))());

  program
    .command('coverage')
    .description('show which competencies your stories cover, and the gaps to write next')
    .option('--json', 'print coverage as JSON')
    .option('--framework <name>', 'coverage per principle of a framework: amazon, generic, or your own')
    .addOption(storiesOption())
    .addHelpText('after', examples('prep coverage', 'prep coverage --json | jq .gaps', 'prep coverage --framework amazon'))
    .action((opts) => run(async (ctx) => (await import('./commands/coverage.js')).runCoverage(ctx, opts))());

  program
    .command('export')
    .description('write a printable cheat sheet: a question -> story index and one card per story (PDF or markdown)')
    .option('-o, --out <file>', 'output file (default: prep-cheatsheet.pdf, or .md with --format md)')
    .option('-f, --format <format>', 'pdf or md (default: from --out, else pdf)')
    .option('--paper <size>', 'a4 or letter (default: the paper setting, else a4)')
    .option('-c, --competency <name>', 'only stories showing this competency (repeatable)', collect)
    .option('-t, --tag <tag>', 'only stories with this tag (repeatable)', collect)
    .option('--due', 'only stories due for review')
    .option('--history <file>', 'review history file for --due (default: $PREP_HISTORY, else the user data folder)')
    .option('--force', 'replace an existing --out file that is not a cheat sheet prep wrote (never a story file)')
    .option('--framework <name>', 'index the sheet by a framework\'s principles: amazon, generic, or your own')
    .addOption(storiesOption())
    .addHelpText('after', examples('prep export', 'prep export --paper letter --out ~/Desktop/interview.pdf', 'prep export --competency conflict --format md'))
    .action((opts) => run(async (ctx) => (await import('./commands/export.js')).runExport(ctx, opts))());

  program
    .command('quiz')
    .description('drill: hear a question, tell the story out loud against a timer, grade yourself; due stories first')
    .addOption(new Option('-m, --mode <mode>', 'tell: answer out loud; pick: choose which story answers').choices(['tell', 'pick']).default('tell'))
    .option('-n, --count <n>', `rounds in the session, ${COUNT_RANGE.min}-${COUNT_RANGE.max} (default ${DEFAULTS.count})`)
    .option('-t, --time <seconds>', `target answer time, ${TIME_RANGE.min}-${TIME_RANGE.max} seconds or m:ss (default ${DEFAULTS.time}; ${DEFAULTS.pickTime} in pick mode)`)
    .option('-c, --competency <name>', 'only stories showing this competency')
    .option('--tag <tag>', 'only stories with this tag')
    .option('--cram', 'drill regardless of the schedule and leave the schedule unchanged')
    .option('--until <date>', 'interview date (YYYY-MM-DD): also drill stories not due again before it')
    .option('--framework <name>', 'ask by a framework\'s principles (amazon, generic, or your own): stories that cover one, with its questions')
    .option('--history <file>', 'review history file (default: $PREP_HISTORY, else the user data folder)')
    .addOption(new Option('--seed <n>', 'random seed, for reproducible sessions').hideHelp())
    .addOption(storiesOption())
    .addHelpText('after', examples('prep quiz', 'prep quiz --count 3 --time 90', 'prep quiz --mode pick --competency conflict', `prep quiz --until ${dayKey(inDays(new Date(), 21))}`))
    .action((opts) => run(async (ctx) => (await import('./commands/quiz.js')).runQuiz(ctx, opts))());

  program
    .command('plan')
    .description('plan each day to your interview date so every story is at 90% recall on the day')
    .option('--interview <date>', 'interview date, YYYY-MM-DD (default: the interview setting)')
    .option('--minutes-per-day <n>', 'practice budget a day, in minutes (default 20)')
    .option('--json', 'print {interview, days: [{day, minutes, stories}], onTheDay, ...} as JSON')
    .option('--history <file>', 'review history file (default: $PREP_HISTORY, else the user data folder)')
    .addOption(storiesOption())
    .addHelpText('after', examples('prep plan --interview 2026-12-15', 'prep plan --interview 2026-12-15 --minutes-per-day 30', 'prep config set interview 2026-12-15 && prep plan'))
    .action((opts) => run(async (ctx) => (await import('./commands/plan.js')).runPlan(ctx, opts))());

  program
    .command('mock')
    .description('a mock behavioral round: an opening, 4-6 questions over different competencies, follow-ups, a summary')
    .option('--minutes <n>', 'length of the round, 10-180 minutes (default 45: five questions)')
    .option('--framework <name>', 'ask by a framework: amazon, generic, or your own (`prep framework init NAME`)')
    .option('--company <name>', 'the company: named in the round, and "Why <company>?" at the end when a note answers it')
    .option('--history <file>', 'review history file (default: $PREP_HISTORY, else the user data folder)')
    .addOption(new Option('--seed <n>', 'random seed, for reproducible rounds').hideHelp())
    .addOption(storiesOption())
    .addHelpText('after', examples('prep mock', 'prep mock --minutes 30 --company Acme', 'prep mock --framework amazon'))
    .action((opts) => run(async (ctx) => (await import('./commands/mock.js')).runMock(ctx, opts))());

  const framework = program.command('framework').description("frameworks for coverage, quiz, mock and export: amazon, generic, or your own YAML file");
  framework
    .command('init')
    .description('write a framework template (principles, their words and questions) into the config folder')
    .argument('<name>', 'the name to use with --framework')
    .action((name: string) => run(async (ctx) => (await import('./commands/framework.js')).runFrameworkInit(ctx, name))());
  framework
    .command('list')
    .description('list the frameworks you can use with --framework')
    .action(() => run(async (ctx) => (await import('./commands/framework.js')).runFrameworkList(ctx))());

  program
    .command('log')
    .description('record a practice done elsewhere (a mock interview) in the review history, without prompts')
    .argument('<story...>', 'story id or title words')
    .requiredOption('-g, --grade <grade>', 'how it went: again, hard, good or easy')
    .option('--seconds <n>', 'how long the answer took, in seconds or m:ss')
    .option('-q, --question <text>', 'the question you were asked')
    .option('-t, --time <seconds>', `target answer time (default ${DEFAULTS.time})`)
    .option('--history <file>', 'review history file (default: $PREP_HISTORY, else the user data folder)')
    .addOption(storiesOption(false))
    .addHelpText('after', examples('prep log schema-migration --grade good --seconds 1:50', 'prep log "contract tests" --grade hard --question "Tell me about a time you influenced another team"'))
    .action((words: string[], opts) => run(async (ctx) => (await import('./commands/log.js')).runLog(ctx, words, opts))());

  program
    .command('stats')
    .description('practice statistics: per story recall and timing, reviews per day, weakest competencies')
    .option('--json', 'print {stories: [{id, title, reviews, ...}], daily, competencies, ...} as JSON')
    .option('--csv', 'print one CSV row per review, for a spreadsheet or pandas')
    .option('--history <file>', 'review history file (default: $PREP_HISTORY, else the user data folder)')
    .addOption(storiesOption())
    .addHelpText('after', examples('prep stats', 'prep stats --json | jq ".stories[] | {id, recall}"', 'prep stats --csv > practice.csv'))
    .action((opts) => run(async (ctx) => (await import('./commands/stats.js')).runStats(ctx, opts))());

  const history = program.command('history').description('the review history: tie the practice of a renamed story to the story it is now');
  history
    .command('link')
    .description('count the history of a story id that is gone (see `prep check`) for a current story; appends one line')
    .argument('<old-id>', 'the story id in the history')
    .argument('<story...>', 'the current story: id or title words')
    .option('--history <file>', 'review history file (default: $PREP_HISTORY, else the user data folder)')
    .addOption(storiesOption(false))
    .addHelpText('after', examples('prep history link misktake-i-made mistake-i-made'))
    .action((oldId: string, words: string[], opts) => run(async (ctx) => (await import('./commands/history.js')).runHistoryLink(ctx, oldId, words, opts))());

  program
    .command('init')
    .description('write a starter stories folder with a commented template story (never overwrites)')
    .argument('[folder]', 'folder to create', 'stories')
    .addHelpText('after', examples('prep init', 'prep init ~/notes/interview'))
    .action((folder: string) => run(async (ctx) => (await import('./commands/init.js')).runInit(ctx, folder))());

  program
    .command('new')
    .description('write a new story from the template into your stories folder, open it in $VISUAL/$EDITOR, then check it')
    .argument('[title]', 'the story title (asked for in a terminal when left out)')
    .option('-c, --competency <id>', 'competency it shows, e.g. conflict (repeatable; asked for when the title is)', collect)
    .option('--edit', 'open the editor even without a terminal (for GUI editors like "code --wait")')
    .option('--no-edit', 'only write the file and print its path')
    .addOption(storiesOption(false))
    .addHelpText('after', '\nThe story goes into the first folder of --stories, $PREP_STORIES, `prep config` stories or ./stories;\nnever into the bundled samples, never over an existing file (-2, -3 are added).\n' + examples('prep new', 'prep new "Untangling the release process" -c ownership -c collaboration', 'EDITOR="code --wait" prep new "Migrating billing"'))
    .action((title: string | undefined, opts) => run(async (ctx) => (await import('./commands/new.js')).runNew(ctx, title, opts))());

  const config = program
    .command('config')
    .description('read and change your settings: where your stories are, quiz defaults, paper size')
    .addHelpText('after', keysHelp() + `\n${PRECEDENCE}\n` + examples('prep config set stories ~/notes/interview', 'prep config set time 2m', 'prep config list', 'prep config path'));
  // `prep config` and `prep completion` work even when the config file is broken (to find and fix it).
  const runWithoutConfig = (fn: (ctx: Context) => Promise<number>) => async () => {
    state.exitCode = await fn(await getCtx({ config: false }));
  };
  config
    .command('get')
    .description("print a key's value from the config file")
    .argument('<key>', 'stories, time, count or paper')
    .action((key: string) => runWithoutConfig(async (ctx) => (await import('./commands/config.js')).runConfigGet(ctx, key))());
  config
    .command('set')
    .description('set a key (relative story paths are stored absolute); other keys are kept')
    .argument('<key>', 'stories, time, count or paper')
    .argument('<value...>', 'the value; stories takes several')
    .option('--add', 'append to stories instead of replacing them')
    .addHelpText('after', examples('prep config set stories ~/notes/interview ~/vault/career.md', 'prep config set stories --add ./more', 'prep config set count 5'))
    .action((key: string, values: string[], opts) => runWithoutConfig(async (ctx) => (await import('./commands/config.js')).runConfigSet(ctx, key, values, opts))());
  config
    .command('unset')
    .description('remove a key from the config file')
    .argument('<key>', 'stories, time, count or paper')
    .action((key: string) => runWithoutConfig(async (ctx) => (await import('./commands/config.js')).runConfigUnset(ctx, key))());
  config
    .command('list')
    .description('show every setting, its value and where it comes from')
    .option('--json', 'print {path, config, settings, origins} as JSON')
    .action((opts) => runWithoutConfig(async (ctx) => (await import('./commands/config.js')).runConfigList(ctx, opts))());
  config
    .command('path')
    .description('print where the config file is')
    .action(() => runWithoutConfig(async (ctx) => (await import('./commands/config.js')).runConfigPath(ctx))());

  program
    .command('completion')
    .description('print a shell completion script: commands, options, and story ids for show and log')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText(
      'after',
      '\nInstall:\n' +
        "  bash  echo 'source <(prep completion bash)' >> ~/.bashrc\n" +
        "  zsh   echo 'source <(prep completion zsh)' >> ~/.zshrc      (after compinit)\n" +
        '  fish  prep completion fish > ~/.config/fish/completions/prep.fish\n',
    )
    .action((shell: string) =>
      runWithoutConfig(async (ctx) => {
        const { describeProgram, runCompletion } = await import('./commands/completion.js');
        return runCompletion(ctx, shell, describeProgram(program));
      })(),
    );

  program
    .command('__complete', { hidden: true })
    .description('print completion candidates (used by the completion scripts)')
    .argument('<what>', 'ids')
    .addOption(storiesOption(false))
    .action((what: string, opts) => run(async (ctx) => (await import('./commands/completion.js')).runCompleteIds(ctx, what, opts))());

  return program;
}
