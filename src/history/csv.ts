/** CSV for people who analyse their practice in a spreadsheet or pandas (RFC 4180 quoting). Pure. */

/**
 * One field, quoted when it holds a comma, quote, line break, or edge spaces; quotes are doubled. Text that a
 * spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading ' as OWASP advises.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text, header first, lines ending in CRLF as RFC 4180 asks. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
