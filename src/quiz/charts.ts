/** Terminal charts for `prep stats`: a column chart of counts and a sparkline of values. Pure text. */

const EIGHTHS = ['', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const SPARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** A column chart `height` rows tall, one character per value, top row first; zero stays blank. */
export function columnChart(values: readonly number[], height: number, max = Math.max(0, ...values)): string[] {
  const rows: string[] = [];
  const scaled = values.map((v) => (max > 0 && v > 0 ? Math.max(1, Math.round((v / max) * height * 8)) : 0));
  for (let row = height - 1; row >= 0; row--) {
    rows.push(
      scaled
        .map((s) => {
          const inRow = Math.min(8, Math.max(0, s - row * 8));
          return inRow === 0 ? ' ' : EIGHTHS[inRow]!;
        })
        .join(''),
    );
  }
  return rows;
}

/** A one-row sparkline scaled from 0 to `max`; null values are gaps. */
export function sparkline(values: readonly (number | null)[], max = Math.max(0, ...values.map((v) => v ?? 0))): string {
  return values
    .map((v) => {
      if (v === null) return ' ';
      if (max <= 0) return SPARKS[0]!;
      return SPARKS[Math.min(SPARKS.length - 1, Math.max(0, Math.round((v / max) * (SPARKS.length - 1))))]!;
    })
    .join('');
}
