import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toTerminalText } from '../../src/cli/terminal-text.js';
import { padVisible, truncate, visibleWidth } from '../../src/story/text.js';
import { runList } from '../../src/cli/commands/list.js';
import { runShow } from '../../src/cli/commands/show.js';
import { runFind } from '../../src/cli/commands/find.js';
import { runStats } from '../../src/cli/commands/stats.js';
import { makeReview, toHistoryLine } from '../../src/history/review.js';
import { starStory, tempDir, testContext, writeTree } from '../helpers.js';

const ESC = '\x1b';
const CLEAR = `${ESC}[2J`;
const LINK = `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`;
const CLIPBOARD = `${ESC}]52;c;cm0gLXJmIH4=\x07`;
const TITLE = `${ESC}]0;pwned\x07`;
/** Raw control characters a terminal would act on: everything but tab, newline, and CR before LF. */
const RAW = /[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

describe('toTerminalText', () => {
  it('makes every escape sequence visible: CSI, OSC 8 hyperlinks, OSC 52 clipboard writes, OSC 0 titles', () => {
    expect(toTerminalText(`a${CLEAR}b`)).toBe('a␛[2Jb');
    expect(toTerminalText(LINK)).toBe('␛]8;;https://evil.example␛\\click␛]8;;␛\\');
    expect(toTerminalText(CLIPBOARD)).toBe('␛]52;c;cm0gLXJmIH4=␇');
    expect(toTerminalText(TITLE)).toBe('␛]0;pwned␇');
  });

  it('makes C0, DEL, C1, lone CR and bidi overrides visible; keeps tab, newline and CR-LF', () => {
    expect(toTerminalText('a\x00b\x07c\x7fd\x9be\u202ef')).toBe('a␀b␇c\\u007fd\\u009be\\u202ef');
    expect(toTerminalText('fake\rreal')).toBe('fake␍real');
    expect(toTerminalText('a\tb\nc\r\nd')).toBe('a\tb\nc\r\nd');
  });

  it('keeps only prep\'s own colour codes, and only when asked; never blink, conceal or cursor moves', () => {
    expect(toTerminalText(`${ESC}[31mred${ESC}[39m`, true)).toBe(`${ESC}[31mred${ESC}[39m`);
    expect(toTerminalText(`${ESC}[31mred${ESC}[39m`, false)).toBe('␛[31mred␛[39m');
    expect(toTerminalText(`${ESC}[8mhidden${ESC}[5m${ESC}[1A${ESC}[?25l`, true)).toBe('␛[8mhidden␛[5m␛[1A␛[?25l');
  });

  it('keeps JSON valid and meaning the same (C1 and DEL become \\u escapes)', () => {
    const json = JSON.stringify({ t: `x${ESC}[2J\x9b\x7f` });
    expect(JSON.parse(toTerminalText(json))).toEqual({ t: `x${ESC}[2J\x9b\x7f` });
  });

  it('runs in linear time on 200,000 unterminated sequences', () => {
    const text = `${ESC}]`.repeat(100_000) + `${ESC}[`.repeat(100_000) + '1'.repeat(100_000);
    expect(RAW.test(toTerminalText(text))).toBe(false);
  });
});

describe('truncate', () => {
  it('cuts by visible width: colour codes take no room and are never cut; a cut colour is reset', () => {
    const red = `${ESC}[31mabcdefgh${ESC}[39m`;
    expect(visibleWidth(red)).toBe(8);
    expect(truncate(red, 8)).toBe(red);
    expect(truncate(red, 5)).toBe(`${ESC}[31mabcd…${ESC}[0m`);
  });

  it('counts wide characters as two columns and never splits a surrogate pair', () => {
    expect(visibleWidth('面接準備')).toBe(8);
    expect(truncate('面接準備', 5)).toBe('面接…');
    expect(truncate('😀😀😀', 4)).toBe('😀…');
    expect(padVisible('面接', 6)).toBe('面接  ');
  });
});

describe('commands print escape sequences from notes and history as visible text', () => {
  const hostile = `Fix${CLEAR}${LINK}${CLIPBOARD}${TITLE}`;
  function setup() {
    const dir = writeTree(tempDir(), { 'stories/a.md': starStory(`Reduced the latency ${hostile}`, { action: `I profiled the service ${hostile} and cut latency.` }) });
    return { dir, ctx: testContext(dir) };
  }
  const clean = (lines: string[]) => {
    const text = lines.join('\n') + '\n';
    expect(text).not.toMatch(RAW);
    return text;
  };

  it('list, show, find and find --explain', async () => {
    const { ctx } = setup();
    await runList(ctx, {});
    await runShow(ctx, 'latency', {});
    await runFind(ctx, ['latency', 'profiled', hostile], {});
    await runFind(ctx, ['latency', hostile], { explain: true });
    await runList(ctx, { json: true });
    const text = clean([...ctx.out.stdout, ...ctx.out.stderr]);
    expect(text).toContain('␛]52;c;cm0gLXJmIH4=␇');
  });

  it('error messages that echo a name', async () => {
    const { ctx } = setup();
    const e = await runShow(ctx, `nothing${TITLE}`, {}).catch((x: Error) => x);
    expect(e).toBeInstanceOf(Error);
    // main.ts prints errors through the same Output.
    ctx.out.err(`prep: ${(e as Error).message}`);
    expect(clean(ctx.out.stderr)).toContain('␛]0;pwned␇');
  });

  it('stats, from history lines, in the table and in --csv', async () => {
    const { dir, ctx } = setup();
    const history = join(dir, 'h.jsonl');
    const at = '2026-03-01T09:00:00.000Z';
    writeFileSync(history, toHistoryLine(makeReview({ at, story: `ghost${CLEAR}`, question: `why${CLIPBOARD}`, mode: 'log', seconds: 60, target: 120, grade: 'good', cram: false })));
    await runStats(ctx, { history });
    await runStats(ctx, { history, csv: true });
    clean([...ctx.out.stdout, ...ctx.out.stderr]);
  });
});
