import { describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildProgram } from '../../src/cli/program.js';
import { argKind, completionScript, describeProgram, runCompleteIds, SHELLS } from '../../src/cli/commands/completion.js';
import { PrepError } from '../../src/cli/errors.js';
import { ROOT, runPrep, starStory, tempDir, testContext, writeTree } from '../helpers.js';

const spec = describeProgram(buildProgram(() => Promise.reject(new Error('not run')), { exitCode: 0 }));
const command = (path: string) => spec.commands.find((c) => c.path.join(' ') === path)!;

const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;

/** A temp world: notes with known ids, a `prep` on PATH that runs this build, temp XDG folders. */
function world() {
  const dir = writeTree(tempDir(), {
    'notes/a.md': starStory('Calming a heated design review') + '\n' + starStory('Calling the outage'),
    'other/b.md': starStory('Only in the other folder'),
  });
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'prep'), `#!/bin/sh\nexec '${process.execPath}' '${join(ROOT, 'bin', 'prep')}' "$@"\n`);
  chmodSync(join(bin, 'prep'), 0o755);
  const env = {
    PATH: `${bin}:${process.env.PATH}`,
    HOME: join(dir, 'home'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    XDG_DATA_HOME: join(dir, 'data'),
    PREP_STORIES: join(dir, 'notes'),
    NO_COLOR: '1',
  };
  return { dir, env };
}

describe('describeProgram', () => {
  it('lists the visible commands, with help, and hides __complete', () => {
    const names = command('').subcommands.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['list', 'show', 'check', 'find', 'new', 'config', 'completion', 'help']));
    expect(names).not.toContain('__complete');
  });

  it('reads options with values, paths and known value lists', () => {
    const find = command('find');
    expect(find.options.find((o) => o.names.includes('--limit'))).toMatchObject({ names: ['-n', '--limit'], takesValue: true, files: false });
    expect(find.options.find((o) => o.names.includes('--stories'))).toMatchObject({ takesValue: true, files: true });
    expect(find.options.find((o) => o.names.includes('--json'))).toMatchObject({ takesValue: false });
    expect(command('new').options.find((o) => o.names.includes('--competency'))!.values).toContain('conflict');
  });

  it('completes story ids for show, config keys for config set, shells for completion', () => {
    expect(argKind(command('show'), 0)).toEqual({ kind: 'ids' });
    expect(argKind(command('show'), 3)).toEqual({ kind: 'ids' });
    expect(argKind(command('config set'), 0)).toEqual({ kind: 'values', values: ['stories', 'time', 'count', 'paper', 'interview'] });
    expect(argKind(command('config set'), 2)).toEqual({ kind: 'files' });
    expect(argKind(command('completion'), 0)).toEqual({ kind: 'values', values: ['bash', 'zsh', 'fish'] });
    expect(argKind(command('completion'), 1)).toEqual({ kind: 'none' });
    expect(command('config').subcommands.map((s) => s.name)).toEqual(['get', 'set', 'unset', 'list', 'path', 'help']);
  });
});

describe('completionScript', () => {
  it.each(['tcsh', 'powershell', ''])('refuses %j with a usage error listing the supported shells', (shell) => {
    let err: unknown;
    try {
      completionScript(shell, spec);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PrepError);
    expect(err).toMatchObject({ code: 'usage.shell', exitCode: 2, message: `unknown shell "${shell}"; supported: bash, zsh, fish` });
  });

  it.each(SHELLS)('writes a %s script that names the program', (shell) => {
    expect(completionScript(shell, spec)).toMatch(/prep/);
  });
});

describe('prep __complete ids', () => {
  it('prints story ids one per line, from --stories when given', async () => {
    const { dir } = world();
    const ctx = testContext(dir, { PREP_STORIES: join(dir, 'notes') });
    expect(await runCompleteIds(ctx, 'ids', {})).toBe(0);
    expect(ctx.out.stdout.join('\n').split('\n')).toEqual(['calming-a-heated-design-review', 'calling-the-outage']);
    const other = testContext(dir);
    await runCompleteIds(other, 'ids', { stories: [join(dir, 'other')] });
    expect(other.out.stdout).toEqual(['only-in-the-other-folder']);
  });

  it('is silent, exit 1, when the stories cannot be read', async () => {
    const ctx = testContext(tempDir());
    expect(await runCompleteIds(ctx, 'ids', { stories: ['missing'] })).toBe(1);
    expect(ctx.out.stdout).toEqual([]);
    expect(ctx.out.stderr).toEqual([]);
  });

  it('goes through the parse cache and never shows the first-run hint', () => {
    const { env } = world();
    const { PREP_STORIES: _, ...noStories } = env;
    const r = runPrep(['__complete', 'ids'], { cwd: tempDir(), env: noStories });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toContain('pushing-back-on-a-risky-schema-migration');
  });
});

describe('prep completion through bin/prep', () => {
  it('prints each script, and a usage error for an unknown shell', () => {
    for (const shell of SHELLS) {
      const r = runPrep(['completion', shell]);
      expect(r.code).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(500);
    }
    const bad = runPrep(['completion', 'tcsh']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('prep: unknown shell "tcsh"; supported: bash, zsh, fish');
    expect(runPrep(['completion']).code).toBe(2);
  });
});

describe.skipIf(!has('bash'))('bash completion', () => {
  const { dir, env } = world();
  const complete = (...words: string[]) => {
    const script = 'source <(prep completion bash) && COMP_WORDS=("$@") && COMP_CWORD=$(($# - 1)) && _prep_complete && printf "%s\\n" "${COMPREPLY[@]}"';
    const r = spawnSync('bash', ['-c', script, '_', ...words], { cwd: dir, env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean);
  };

  it('parses with bash -n', () => {
    const r = spawnSync('bash', ['-c', 'bash -n <(prep completion bash)'], { env, encoding: 'utf8' });
    expect(r.status).toBe(0);
  });

  it('completes commands', () => {
    expect(complete('prep', 'sh')).toEqual(['show']);
    expect(complete('prep', 'co')).toEqual(expect.arrayContaining(['coverage', 'config', 'completion']));
    expect(complete('prep', 'co')).not.toContain('show');
  });

  it('completes options of the command being typed', () => {
    expect(complete('prep', 'find', '--')).toEqual(expect.arrayContaining(['--limit', '--json', '--explain', '--stories', '--help']));
    expect(complete('prep', 'list', '--j')).toEqual(['--json']);
  });

  it('completes story ids for show and log, through prep __complete ids', () => {
    expect(complete('prep', 'show', 'cal')).toEqual(['calming-a-heated-design-review', 'calling-the-outage']);
    expect(complete('prep', 'show', 'calm')).toEqual(['calming-a-heated-design-review']);
    expect(complete('prep', 'log', '')).toEqual(['calming-a-heated-design-review', 'calling-the-outage']);
  });

  it('reads ids from the --stories given on the line', () => {
    expect(complete('prep', 'show', '--stories', join(dir, 'other'), '')).toEqual(['only-in-the-other-folder']);
    expect(complete('prep', 'show', '-s', join(dir, 'other'), 'only', '')).toEqual(['only-in-the-other-folder']);
  });

  it('completes subcommands, config keys, shells and option values', () => {
    expect(complete('prep', 'config', '')).toEqual(['get', 'set', 'unset', 'list', 'path', 'help']);
    expect(complete('prep', 'config', 'set', '')).toEqual(['stories', 'time', 'count', 'paper', 'interview']);
    expect(complete('prep', 'completion', '')).toEqual(['bash', 'zsh', 'fish']);
    expect(complete('prep', 'new', '--competency', 'lead')).toEqual(['leadership']);
    expect(complete('prep', 'list', '--stories', join(dir, 'no'))).toEqual([join(dir, 'notes')]);
    expect(complete('prep', 'find', '--limit', '')).toEqual([]);
  });
});

describe.skipIf(!has('zsh'))('zsh completion', () => {
  const { dir, env } = world();
  /** Run the completer with compsys' helpers replaced by ones that print what they are given. */
  const complete = (...words: string[]) => {
    const stubs = 'compdef() { :; }; _describe() { print -rl -- ${${(P)${@[-1]}}%%:*}; }; compadd() { [[ $1 == -- ]] && shift; print -rl -- "$@"; }; _files() { print -r -- "<files>"; }';
    const r = spawnSync('zsh', ['-fc', `${stubs}; source <(prep completion zsh); words=("$@"); CURRENT=$#; _prep`, '_', ...words], { cwd: dir, env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean);
  };

  it('parses with zsh -n', () => {
    expect(spawnSync('zsh', ['-fc', 'zsh -n <(prep completion zsh)'], { env }).status).toBe(0);
  });

  it('completes commands, options, ids, keys and paths', () => {
    expect(complete('prep', '')).toEqual(expect.arrayContaining(['list', 'show', 'config', 'completion', 'new']));
    expect(complete('prep', 'find', '--')).toEqual(expect.arrayContaining(['--limit', '--stories']));
    expect(complete('prep', 'show', '')).toEqual(['calming-a-heated-design-review', 'calling-the-outage']);
    expect(complete('prep', 'show', '--stories', join(dir, 'other'), '')).toEqual(['only-in-the-other-folder']);
    expect(complete('prep', 'config', 'get', '')).toEqual(['stories', 'time', 'count', 'paper', 'interview']);
    expect(complete('prep', 'list', '-s', '')).toEqual(['<files>']);
  });

  it('works inside real compsys (compinit, a pseudo-terminal and Tab)', () => {
    // zpty drives an interactive zsh; compadd is wrapped to record what compsys was offered.
    const out = join(dir, 'zcap.out');
    const driver = `
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z 'PROMPT=""; autoload -U compinit; compinit -u -D; source <(prep completion zsh)'
zpty -w z 'compadd () { local -a __h; builtin compadd -O __h "$@"; (( $#__h )) && print -rl -- \${^__h} >> ${out}; builtin compadd "$@" }'
zpty -w z 'bindkey "^I" complete-word'
zpty -w -n z "prep config "$'\\t'
for i in {1..100}; do [[ -s ${out} ]] && break; sleep 0.1; done
sleep 0.3
zpty -d z
cat ${out}`;
    const r = spawnSync('zsh', ['-fc', driver], { cwd: dir, env, encoding: 'utf8', timeout: 20_000 });
    expect(new Set(r.stdout.split('\n').filter(Boolean))).toEqual(new Set(['get', 'set', 'unset', 'list', 'path', 'help']));
  });
});

describe.skipIf(!has('fish'))('fish completion', () => {
  const { dir, env } = world();
  const complete = (line: string) => {
    const r = spawnSync('fish', ['--no-config', '-c', 'prep completion fish | source; complete -C $argv[1]', line], { cwd: dir, env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]);
  };

  it('completes commands, options, ids, keys and values', () => {
    expect(complete('prep sh')).toEqual(['show']);
    expect(complete('prep find --')).toEqual(expect.arrayContaining(['--limit', '--json', '--stories']));
    expect(complete('prep show ')).toEqual(['calling-the-outage', 'calming-a-heated-design-review']);
    expect(complete(`prep show --stories ${join(dir, 'other')} `)).toEqual(['only-in-the-other-folder']);
    expect(complete('prep config ')).toEqual(['get', 'help', 'list', 'path', 'set', 'unset']);
    expect(complete('prep config set ')).toEqual(['count', 'interview', 'paper', 'stories', 'time']);
    expect(complete('prep completion ')).toEqual(['bash', 'fish', 'zsh']);
    expect(complete('prep new -c lead')).toEqual(['leadership']);
  });
});
