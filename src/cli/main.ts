/** The process entry: build the context, run the program, map every failure to one line and an exit code. */
import { CommanderError, type Command } from 'commander';
import { EXIT, Interrupted, PrepError } from './errors.js';
import { buildProgram, type RunState } from './program.js';
import type { Context } from './context.js';
import { processOutput, toTerminalText, useColor } from './output.js';

/** Run prep with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const env = process.env;
  const debugOn = env.PREP_DEBUG === '1' || env.PREP_DEBUG === 'true';
  const noColor = argv.includes('--no-color');
  const color = useColor({ noColor, env, isTTY: Boolean(process.stdout.isTTY) });
  const out = processOutput(color);
  const state: RunState = { exitCode: 0 };
  let ctx: Context | null = null;
  let configRead = false;
  const getCtx = async ({ config = true }: { config?: boolean } = {}): Promise<Context> => {
    if (!ctx) {
      const { userFolders } = await import('./context.js');
      const folders = await userFolders(env);
      ctx = {
        out,
        env,
        cwd: process.cwd(),
        now: () => new Date(),
        folders,
        debug: (m) => {
          if (debugOn) out.err(`prep: debug: ${m}`);
        },
      };
    }
    // The config file is read once per run (a small JSON file); `prep config` skips it so it can fix a broken one.
    if (config && !configRead) {
      configRead = true;
      const { readConfig } = await import('../config/config-file.js');
      ctx.configStories = readConfig(ctx).stories;
    }
    return ctx;
  };
  const program = buildProgram(getCtx, state);
  // Subcommands copy these settings only when created, so set them on every command (`prep config get` too).
  const funnel = (cmd: Command): void => {
    cmd.exitOverride();
    cmd.configureOutput({
      writeOut: (s) => process.stdout.write(toTerminalText(s, color)),
      writeErr: (s) => process.stderr.write(toTerminalText(s, color)),
      outputError: () => {},
    });
    for (const sub of cmd.commands) funnel(sub);
  };
  funnel(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (e) {
    return report(e, out, debugOn);
  }
}

function report(e: unknown, out: ReturnType<typeof processOutput>, debugOn: boolean): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    const [first, ...rest] = e.message.replace(/^error: /, '').split('\n');
    out.err(`prep: ${first}`);
    for (const line of rest) if (line.trim()) out.err(out.c.dim(line.trim()));
    if (!rest.some((l) => l.trim())) out.err(out.c.dim('run `prep --help` for usage'));
    return EXIT.usage;
  }
  if (e instanceof PrepError) {
    out.err(`prep: ${e.message}`);
    if (e.hint) out.err(out.c.dim(e.hint));
    if (debugOn && e.stack) out.err(e.stack);
    return e.exitCode;
  }
  const name = (e as { name?: string })?.name;
  if (e instanceof Interrupted || name === 'ExitPromptError' || name === 'AbortPromptError') return EXIT.interrupted;
  const msg = e instanceof Error ? e.message : String(e);
  out.err(`prep: unexpected error: ${msg.split('\n')[0]}`);
  if (debugOn && e instanceof Error && e.stack) out.err(e.stack);
  else out.err(out.c.dim('set PREP_DEBUG=1 for details'));
  return EXIT.failure;
}
