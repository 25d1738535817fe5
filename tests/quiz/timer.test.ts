import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { elapsedSeconds, paceStep, pacingPlan, renderAnswerTime, renderTimer, timerLevel } from '../../src/quiz/timer.js';

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 2 });
const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('timer math', () => {
  it('measures elapsed seconds from clock readings, never negative', () => {
    expect(elapsedSeconds(1000, 43_500)).toBe(42.5);
    expect(elapsedSeconds(5000, 4000)).toBe(0);
  });

  it('warns from 80% of the target and flags time past it', () => {
    expect(timerLevel(95, 120)).toBe('ok');
    expect(timerLevel(96, 120)).toBe('near');
    expect(timerLevel(120, 120)).toBe('near');
    expect(timerLevel(121, 120)).toBe('over');
  });

  it('paces a STAR answer 20 / 60 / 20', () => {
    expect(paceStep(0, 120)!.phase).toBe('setup');
    expect(paceStep(23, 120)!.phase).toBe('setup');
    expect(paceStep(24, 120)!.phase).toBe('action');
    expect(paceStep(95, 120)!.phase).toBe('action');
    expect(paceStep(96, 120)!.phase).toBe('result');
    expect(paceStep(120, 120)).toBeNull();
    expect(pacingPlan(120)).toBe('S+T 0:24 · A 1:12 · R 0:24');
  });
});

describe('renderTimer', () => {
  it('shows time, target, a bar and the pacing hint', () => {
    // 42 s of 120 fills 8 of 24 cells; ┊ marks where the result should start (80%); the 20% mark is already filled.
    expect(renderTimer(42_300, 120, 80, plain)).toBe(`0:42 / 2:00 ${'█'.repeat(8)}${'░'.repeat(11)}┊${'░'.repeat(4)}  action: what you did, step by step`);
    expect(renderTimer(3_000, 120, 80, plain)).toBe(`0:03 / 2:00 ${'░'.repeat(5)}┊${'░'.repeat(13)}┊${'░'.repeat(4)}  situation + task: set the scene`);
  });

  it('never grows wider than the window, so \\r can redraw it', () => {
    for (let cols = 1; cols <= 200; cols++) {
      for (const ms of [0, 30_000, 100_000, 150_000, 3_600_000]) {
        const line = strip(renderTimer(ms, 120, cols, colour));
        expect(line.length, `${cols} columns at ${ms} ms`).toBeLessThanOrEqual(Math.max(0, cols - 1));
      }
    }
  });

  it('drops the hint, then the bar, in narrow windows', () => {
    expect(renderTimer(42_000, 120, 50, plain)).toMatch(/^0:42 \/ 2:00 \S+  action$/);
    expect(renderTimer(42_000, 120, 24, plain)).toMatch(/^0:42 \/ 2:00 \S{10}$/);
    expect(renderTimer(42_000, 120, 14, plain)).toBe('0:42 / 2:00');
  });

  it('turns yellow near the limit and red past it, with plain text when colour is off', () => {
    expect(renderTimer(50_000, 120, 80, colour)).toContain('\x1b[32m');
    expect(renderTimer(100_000, 120, 80, colour)).toContain('\x1b[33m');
    expect(renderTimer(130_000, 120, 80, colour)).toContain('\x1b[31m');
    expect(renderTimer(130_000, 120, 80, plain)).toBe('2:10 / 2:00 ████████████████████████  over by 0:10: wrap up');
    expect(renderTimer(130_000, 120, 80, plain)).not.toMatch(/\x1b/);
  });

  it('gives notes no STAR hint', () => {
    expect(renderTimer(10_000, 120, 80, plain, 'note')).toMatch(/^0:10 \/ 2:00 \S+$/);
  });

  it('says how the answer went against the target', () => {
    expect(renderAnswerTime(108.4, 120, plain)).toBe('⏱ 1:48 of 2:00');
    expect(renderAnswerTime(151, 120, plain)).toBe('⏱ 2:31, 0:31 over the 2:00 target');
  });
});
