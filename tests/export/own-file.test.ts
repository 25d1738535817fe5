import { describe, expect, it } from 'vitest';
import { isCheatSheet } from '../../src/export/own-file.js';
import { buildCheatSheet } from '../../src/export/cheat-sheet.js';
import { toMarkdown } from '../../src/export/to-markdown.js';
import { renderPdf } from '../../src/export/to-pdf.js';
import { story } from './stories.js';

const sheet = () => buildCheatSheet({ stories: [story('a')], coverage: [], competencies: new Map(), date: new Date(2026, 2, 2) });
const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('isCheatSheet', () => {
  it('knows the PDF and markdown prep renders', async () => {
    expect(isCheatSheet((await renderPdf(sheet(), { paper: 'a4' })).bytes)).toBe(true);
    expect(isCheatSheet(bytes(toMarkdown(sheet())))).toBe(true);
  });

  it('takes an empty file (nothing to lose)', () => {
    expect(isCheatSheet(new Uint8Array())).toBe(true);
  });

  it('refuses another PDF, even one titled like the sheet', () => {
    expect(isCheatSheet(bytes('%PDF-1.7\n1 0 obj\n<< /Title (Interview cheat sheet) /Producer (LibreOffice) >>\n'))).toBe(false);
  });

  it('refuses a note that only starts with the same heading, and any other text', () => {
    expect(isCheatSheet(bytes('# Interview cheat sheet\n\nMy own notes for Friday.\n'))).toBe(false);
    expect(isCheatSheet(bytes('## Strengths\n- calm\n'))).toBe(false);
    expect(isCheatSheet(bytes('Interview cheat sheet'))).toBe(false);
  });

  it('reads a sheet saved with a BOM or CRLF line ends', () => {
    const md = toMarkdown(sheet());
    expect(isCheatSheet(bytes(`\uFEFF${md.replace(/\n/g, '\r\n')}`))).toBe(true);
  });
});
