/**
 * `prep completion bash|zsh|fish`: a completion script generated from the commander program itself, so new
 * commands and options complete without editing it. Story ids come from the hidden `prep __complete ids`.
 */
import type { Command } from 'commander';
import { loadForCommand, type Context, type StoryOptions } from '../context.js';
import { PrepError, EXIT } from '../errors.js';
import { CONFIG_KEY_NAMES, PAPERS } from '../../config/keys.js';
import { COMPETENCIES } from '../../search/competencies.js';

/** Shells prep writes completion scripts for. */
export type Shell = 'bash' | 'zsh' | 'fish';

/** All supported shells, in help order. */
export const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];

/** What a positional argument completes to. */
export type ArgKind = { kind: 'ids' } | { kind: 'files' } | { kind: 'values'; values: string[] } | { kind: 'none' };

/** One option of a command, as completion needs it. */
export interface CompletionOption {
  /** `-s`, `--stories`. */
  names: string[];
  takesValue: boolean;
  /** Whether its value is a path. */
  files: boolean;
  /** The values it accepts, when they are a known list (choices, competency ids, paper sizes). */
  values?: string[];
  description: string;
}

/** One command (or the program itself, with an empty path). */
export interface CompletionCommand {
  /** Words from the program name to this command: [] for prep, ['config', 'set'] for `prep config set`. */
  path: string[];
  options: CompletionOption[];
  subcommands: { name: string; description: string }[];
  /** Kinds of its positional arguments in order; the last repeats when `variadic`. */
  args: ArgKind[];
  variadic: boolean;
}

/** Everything a completion script is generated from. */
export interface CompletionSpec {
  program: string;
  commands: CompletionCommand[];
}

const PATH_ARG = /^(file|files|folder|dir|directory|path|paths)$/;
const PATH_VALUE = /<(file|folder|dir|directory|path)>/;

/** Argument kinds that are not visible from commander alone. */
function knownArgs(path: string): ArgKind[] | null {
  const keys: ArgKind = { kind: 'values', values: [...CONFIG_KEY_NAMES] };
  switch (path) {
    case 'completion':
      return [{ kind: 'values', values: [...SHELLS] }];
    case 'config get':
    case 'config unset':
      return [keys];
    case 'config set':
      return [keys, { kind: 'files' }];
    default:
      return null;
  }
}

/** Known value lists for options: commander choices, competency ids, paper sizes. */
function optionValues(long: string | undefined, choices: string[] | undefined): { values?: string[] } {
  if (choices?.length) return { values: [...choices] };
  if (long === '--competency') return { values: COMPETENCIES.map((c) => c.id) };
  if (long === '--paper') return { values: [...PAPERS] };
  return {};
}

function isHidden(cmd: Command): boolean {
  return cmd.name().startsWith('__') || Boolean((cmd as unknown as { _hidden?: boolean })._hidden);
}

/** Read the commands, options and arguments of a commander program into a completion spec. */
export function describeProgram(program: Command): CompletionSpec {
  const commands: CompletionCommand[] = [];
  const help: CompletionOption = { names: ['-h', '--help'], takesValue: false, files: false, description: 'display help' };
  const walk = (cmd: Command, path: string[]) => {
    const visible = cmd.commands.filter((c) => !isHidden(c));
    const options: CompletionOption[] = cmd.options
      .filter((o) => !o.hidden)
      .map((o) => ({
        names: [o.short, o.long].filter((n): n is string => Boolean(n)),
        takesValue: o.required || o.optional,
        files: o.long === '--stories' || PATH_VALUE.test(o.flags),
        ...optionValues(o.long, o.argChoices),
        description: o.description,
      }));
    const subcommands = visible.map((c) => ({ name: c.name(), description: c.description() }));
    if (visible.length) subcommands.push({ name: 'help', description: 'display help for a command' });
    const registered = cmd.registeredArguments;
    const args: ArgKind[] =
      knownArgs(path.join(' ')) ??
      registered.map((a): ArgKind => {
        if (a.name() === 'story') return { kind: 'ids' };
        if (a.argChoices?.length) return { kind: 'values', values: [...a.argChoices] };
        if (PATH_ARG.test(a.name())) return { kind: 'files' };
        return { kind: 'none' };
      });
    const variadic = path.join(' ') === 'config set' || Boolean(registered[registered.length - 1]?.variadic);
    commands.push({ path, options: [...options, help], subcommands, args, variadic });
    for (const c of visible) walk(c, [...path, c.name()]);
    if (visible.length) commands.push({ path: [...path, 'help'], options: [help], subcommands: [], args: [{ kind: 'values', values: visible.map((c) => c.name()) }], variadic: false });
  };
  walk(program, []);
  return { program: program.name(), commands };
}

/** The kind of the n-th (0-based) positional argument of a command. */
export function argKind(cmd: CompletionCommand, n: number): ArgKind {
  if (n < cmd.args.length) return cmd.args[n]!;
  return cmd.variadic && cmd.args.length ? cmd.args[cmd.args.length - 1]! : { kind: 'none' };
}

/** Quote a word for bash, zsh and fish alike (single quotes; fish also reads '\'' as a closing quote, quote, reopen). */
function q(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Quote for fish, whose single-quoted strings take \' and \\ escapes. */
function fq(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The first line of a description, short enough for a completion menu. */
function short(description: string): string {
  const line = description.split('\n')[0]!.trim();
  return line.length > 70 ? line.slice(0, 69) + '…' : line;
}

/** `path|option` keys for options that take a value (or only those whose value is a path), for `case`. */
function valueOptionKeys(spec: CompletionSpec, filesOnly: boolean): string[] {
  const out: string[] = [];
  for (const c of spec.commands) {
    for (const o of c.options) if (o.takesValue && (!filesOnly || o.files)) for (const n of o.names) out.push(`${c.path.join(' ')}|${n}`);
  }
  return out;
}

/** `path|subcommand` keys, for `case`. */
function subcommandKeys(spec: CompletionSpec): string[] {
  return spec.commands.flatMap((c) => c.subcommands.map((s) => `${c.path.join(' ')}|${s.name}`));
}

/** A POSIX `case` that returns 0 for any of `patterns` (bash and zsh read it the same way). */
function caseTest(name: string, patterns: string[]): string {
  return [
    `${name}() {`,
    '  case "$1|$2" in',
    ...(patterns.length ? [`    ${patterns.join('|')}) return 0 ;;`] : []),
    '  esac',
    '  return 1',
    '}',
  ].join('\n');
}

/** A function printing the values option $2 of command path $1 accepts, when they are a known list. */
function optionValuesFunction(spec: CompletionSpec, name: string): string {
  const arms: string[] = [];
  for (const c of spec.commands) {
    for (const o of c.options) if (o.values) arms.push(`    ${o.names.map((n) => q(`${c.path.join(' ')}|${n}`)).join('|')}) echo ${q(o.values.join(' '))} ;;`);
  }
  return [`${name}() {`, '  case "$1|$2" in', ...arms, '  esac', '}'].join('\n');
}

/** A function printing the kind of positional argument $2 of command path $1: ids, files, values:a b c, or nothing. */
function argKindFunction(spec: CompletionSpec, name: string): string {
  const lines = [`${name}() {`, '  case "$1" in'];
  for (const c of spec.commands) {
    if (!c.args.length) continue;
    const show = (k: ArgKind) => (k.kind === 'values' ? `echo ${q(`values:${k.values.join(' ')}`)}` : k.kind === 'none' ? ':' : `echo ${k.kind}`);
    const arms = c.args.map((k, i) => `${i}) ${show(k)} ;;`);
    if (c.variadic) arms.push(`*) ${show(c.args[c.args.length - 1]!)} ;;`);
    lines.push(`    ${q(c.path.join(' '))}) case "$2" in ${arms.join(' ')} esac ;;`);
  }
  lines.push('  esac', '}');
  return lines.join('\n');
}

/** The bash completion script. */
export function bashScript(spec: CompletionSpec): string {
  const p = spec.program;
  const fn = `_${p}_complete`;
  const optionsCase = spec.commands.map((c) => `    ${q(c.path.join(' '))}) echo ${q(c.options.flatMap((o) => o.names).join(' '))} ;;`);
  const subsCase = spec.commands.filter((c) => c.subcommands.length).map((c) => `    ${q(c.path.join(' '))}) echo ${q(c.subcommands.map((s) => s.name).join(' '))} ;;`);
  return `# bash completion for ${p}. Install: echo 'source <(${p} completion bash)' >> ~/.bashrc
${caseTest(`_${p}_takes_value`, valueOptionKeys(spec, false).map(q))}
${caseTest(`_${p}_file_value`, valueOptionKeys(spec, true).map(q))}
${caseTest(`_${p}_is_sub`, subcommandKeys(spec).map(q))}
${argKindFunction(spec, `_${p}_arg`)}
${optionValuesFunction(spec, `_${p}_opt_values`)}
_${p}_options() {
  case "$1" in
${optionsCase.join('\n')}
  esac
}
_${p}_subs() {
  case "$1" in
${subsCase.join('\n')}
  esac
}
${fn}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  local cmdpath='' nargs=0 i w kind
  local -a stories=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=\${COMP_WORDS[i]}
    if _${p}_takes_value "$cmdpath" "$w"; then
      case $w in -s|--stories) stories+=(--stories "\${COMP_WORDS[i+1]}") ;; esac
      i=$((i + 1))
      continue
    fi
    case $w in
      --stories=*) stories+=("$w") ;;
      -*) ;;
      *) if [[ $nargs -eq 0 ]] && _${p}_is_sub "$cmdpath" "$w"; then cmdpath=\${cmdpath:+$cmdpath }$w; else nargs=$((nargs + 1)); fi ;;
    esac
  done
  COMPREPLY=()
  if [[ $COMP_CWORD -gt 1 ]] && _${p}_takes_value "$cmdpath" "$prev"; then
    if _${p}_file_value "$cmdpath" "$prev"; then
      compopt -o filenames 2>/dev/null
      COMPREPLY=($(compgen -f -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$(_${p}_opt_values "$cmdpath" "$prev")" -- "$cur"))
    fi
    return 0
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_${p}_options "$cmdpath")" -- "$cur"))
    return 0
  fi
  local subs
  subs=$(_${p}_subs "$cmdpath")
  if [[ -n $subs && $nargs -eq 0 ]]; then
    COMPREPLY=($(compgen -W "$subs" -- "$cur"))
    return 0
  fi
  kind=$(_${p}_arg "$cmdpath" "$nargs")
  case $kind in
    ids) COMPREPLY=($(compgen -W "$("\${COMP_WORDS[0]}" __complete ids "\${stories[@]}" 2>/dev/null)" -- "$cur")) ;;
    files) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    values:*) COMPREPLY=($(compgen -W "\${kind#values:}" -- "$cur")) ;;
  esac
  return 0
}
complete -F ${fn} ${p}
`;
}

/** The zsh completion script (works sourced after compinit, or saved as _prep in $fpath). */
export function zshScript(spec: CompletionSpec): string {
  const p = spec.program;
  const zd = (name: string, description: string) => q(`${name.replace(/:/g, '\\:')}:${short(description)}`);
  const optionsCase = spec.commands.map(
    (c) => `    ${q(c.path.join(' '))}) _${p}_items=(${c.options.flatMap((o) => o.names.map((n) => zd(n, o.description))).join(' ')}) ;;`,
  );
  const subsCase = spec.commands
    .filter((c) => c.subcommands.length)
    .map((c) => `    ${q(c.path.join(' '))}) _${p}_items=(${c.subcommands.map((s) => zd(s.name, s.description)).join(' ')}) ;;`);
  return `#compdef ${p}
# zsh completion for ${p}. Install: echo 'source <(${p} completion zsh)' >> ~/.zshrc  (after compinit)
${caseTest(`_${p}_takes_value`, valueOptionKeys(spec, false).map(q))}
${caseTest(`_${p}_file_value`, valueOptionKeys(spec, true).map(q))}
${caseTest(`_${p}_is_sub`, subcommandKeys(spec).map(q))}
${argKindFunction(spec, `_${p}_arg`)}
${optionValuesFunction(spec, `_${p}_opt_values`)}
_${p}_options() {
  _${p}_items=()
  case "$1" in
${optionsCase.join('\n')}
  esac
}
_${p}_subs() {
  _${p}_items=()
  case "$1" in
${subsCase.join('\n')}
  esac
}
_${p}() {
  local cmdpath='' nargs=0 i w kind
  local -a stories _${p}_items
  for (( i = 2; i < CURRENT; i++ )); do
    w=\${words[i]}
    if _${p}_takes_value "$cmdpath" "$w"; then
      case $w in -s|--stories) stories+=(--stories "\${words[i+1]}") ;; esac
      (( i++ ))
      continue
    fi
    case $w in
      --stories=*) stories+=("$w") ;;
      -*) ;;
      *) if (( nargs == 0 )) && _${p}_is_sub "$cmdpath" "$w"; then cmdpath=\${cmdpath:+$cmdpath }$w; else (( nargs++ )); fi ;;
    esac
  done
  local cur=\${words[CURRENT]} prev=\${words[CURRENT-1]}
  if (( CURRENT > 2 )) && _${p}_takes_value "$cmdpath" "$prev"; then
    if _${p}_file_value "$cmdpath" "$prev"; then
      _files
    else
      compadd -- \${=$(_${p}_opt_values "$cmdpath" "$prev")}
    fi
    return 0
  fi
  if [[ $cur == -* ]]; then
    _${p}_options "$cmdpath"
    _describe -t options option _${p}_items
    return 0
  fi
  _${p}_subs "$cmdpath"
  if (( \${#_${p}_items} && nargs == 0 )); then
    _describe -t commands command _${p}_items
    return 0
  fi
  kind=$(_${p}_arg "$cmdpath" "$nargs")
  case $kind in
    ids) compadd -- \${(f)"$(\${words[1]} __complete ids "\${stories[@]}" 2>/dev/null)"} ;;
    files) _files ;;
    values:*) compadd -- \${=kind#values:} ;;
  esac
  return 0
}
if [ "$funcstack[1]" = "_${p}" ]; then
  _${p} "$@"
else
  compdef _${p} ${p}
fi
`;
}

/** The fish completion script. */
export function fishScript(spec: CompletionSpec): string {
  const p = spec.program;
  const valueCases = valueOptionKeys(spec, false).map(fq);
  const subCases = subcommandKeys(spec).map(fq);
  const lines = [
    `# fish completion for ${p}. Install: ${p} completion fish > ~/.config/fish/completions/${p}.fish`,
    `# Prints the command path, then the number of positional arguments after it, then --stories values.`,
    `function __${p}_state`,
    `    set -l toks (commandline -opc)`,
    `    set -e toks[1]`,
    `    set -l cmdpath ''`,
    `    set -l nargs 0`,
    `    set -l stories`,
    `    set -l skip 0`,
    `    for i in (seq (count $toks))`,
    `        set -l w $toks[$i]`,
    `        if test $skip -eq 1`,
    `            set skip 0`,
    `            continue`,
    `        end`,
    `        switch "$cmdpath|$w"`,
    ...(valueCases.length ? [`            case ${valueCases.join(' ')}`, `                set skip 1`, `                if contains -- $w -s --stories; and test $i -lt (count $toks)`, `                    set -a stories --stories $toks[(math $i + 1)]`, `                end`, `                continue`] : []),
    `        end`,
    `        switch $w`,
    `            case '--stories=*'`,
    `                set -a stories $w`,
    `            case '-*'`,
    `            case '*'`,
    `                if test $nargs -eq 0; and __${p}_is_sub "$cmdpath" $w`,
    `                    set cmdpath (string trim -- "$cmdpath $w")`,
    `                else`,
    `                    set nargs (math $nargs + 1)`,
    `                end`,
    `        end`,
    `    end`,
    `    printf '%s\\n' "$cmdpath" $nargs $stories`,
    `end`,
    `function __${p}_is_sub`,
    `    switch "$argv[1]|$argv[2]"`,
    ...(subCases.length ? [`        case ${subCases.join(' ')}`, `            return 0`] : []),
    `    end`,
    `    return 1`,
    `end`,
    `# True when the command path is $argv[1] (and, with $argv[2], when completing positional argument $argv[2]; "N+" for N or more).`,
    `function __${p}_at`,
    `    set -l s (__${p}_state)`,
    `    test "$s[1]" = "$argv[1]"; or return 1`,
    `    test (count $argv) -lt 2; and return 0`,
    `    set -l n (string replace '+' '' -- $argv[2])`,
    `    if string match -q '*+' -- $argv[2]`,
    `        test $s[2] -ge $n`,
    `    else`,
    `        test $s[2] -eq $n`,
    `    end`,
    `end`,
    `function __${p}_ids`,
    `    set -l s (__${p}_state)`,
    `    set -l cmd (commandline -opc)[1]`,
    `    $cmd __complete ids $s[3..-1] 2>/dev/null`,
    `end`,
    `complete -c ${p} -f`,
  ];
  for (const c of spec.commands) {
    const at = c.path.join(' ');
    for (const s of c.subcommands) lines.push(`complete -c ${p} -n ${fq(`__${p}_at ${fq(at)} 0`)} -a ${fq(s.name)} -d ${fq(short(s.description))}`);
    for (const o of c.options) {
      const flags = o.names.map((n) => (n.startsWith('--') ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`)).join(' ');
      const value = o.takesValue ? (o.files ? ' -r -F' : o.values ? ` -x -a ${fq(o.values.join(' '))}` : ' -x') : '';
      lines.push(`complete -c ${p} -n ${fq(`__${p}_at ${fq(at)}`)} ${flags}${value} -d ${fq(short(o.description))}`);
    }
    const arms = c.args.map((k, i) => ({ k, n: `${i}` }));
    if (c.variadic && c.args.length) arms[arms.length - 1]!.n += '+';
    for (const { k, n } of arms) {
      const cond = fq(`__${p}_at ${fq(at)} ${n}`);
      if (k.kind === 'ids') lines.push(`complete -c ${p} -n ${cond} -a ${fq(`(__${p}_ids)`)}`);
      else if (k.kind === 'files') lines.push(`complete -c ${p} -n ${cond} -F`);
      else if (k.kind === 'values') lines.push(`complete -c ${p} -n ${cond} -a ${fq(k.values.join(' '))}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** The script for a shell by name, or a usage error listing the supported ones. */
export function completionScript(shell: string, spec: CompletionSpec): string {
  const s = shell.trim().toLowerCase();
  if (s === 'bash') return bashScript(spec);
  if (s === 'zsh') return zshScript(spec);
  if (s === 'fish') return fishScript(spec);
  throw new PrepError('usage.shell', `unknown shell "${shell}"; supported: ${SHELLS.join(', ')}`, EXIT.usage, 'example: source <(prep completion bash)');
}

/** Print the completion script for `shell`. */
export async function runCompletion(ctx: Context, shell: string, spec: CompletionSpec): Promise<number> {
  ctx.out.out(completionScript(shell, spec).replace(/\n$/, ''));
  return 0;
}

/** `prep __complete ids`: story ids one per line, through the same caches; silent on any problem. */
export async function runCompleteIds(ctx: Context, what: string, opts: StoryOptions): Promise<number> {
  if (what !== 'ids') throw new PrepError('usage.complete', `unknown completion "${what}"; supported: ids`, EXIT.usage);
  try {
    const { stories } = await loadForCommand(ctx, opts, { quiet: true, hint: false });
    if (stories.length) ctx.out.out(stories.map((s) => s.id).join('\n'));
    return 0;
  } catch {
    return 1;
  }
}
