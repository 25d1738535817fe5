// Shared by the benchmarks that time what a user sees in a real terminal.
import { execFileSync, spawnSync } from 'node:child_process';

/** Milliseconds from starting `cmd` in a new tmux server until `re` is on the screen. */
export async function tmuxTime(cmd, re, width = 80) {
  const socket = `prep-bench-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const t0 = performance.now();
  execFileSync('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-s', 'b', '-x', String(width), '-y', '40', `${cmd}; sleep 30`]);
  try {
    for (;;) {
      const screen = execFileSync('tmux', ['-L', socket, 'capture-pane', '-p', '-t', 'b'], { encoding: 'utf8' });
      if (re.test(screen)) return performance.now() - t0;
      if (performance.now() - t0 > 20_000) throw new Error(`timed out; screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  }
}
