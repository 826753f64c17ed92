import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReportCompiler } from './compiler.js';
import { reportModel } from './report-model.test-support.js';

// Words of different lengths, so that across the paragraph the dashes fall on every place of a line.
const WORDS = [
  'Kommunen',
  'die',
  'Verwaltung',
  'Open',
  'Source',
  'gemeinsam',
  'Rechenzentren',
  'und',
  'Beschaffung',
  'Land',
];

/** A long paragraph with a spaced dash after every few words, as typed ("-") and as set ("–"). */
function dashedText(): string {
  const parts: string[] = [];
  for (let i = 0; i < 160; i += 1) {
    parts.push(WORDS[(i * 7) % WORDS.length] ?? 'Wort');
    if (i % 3 === 2) {
      parts.push(i % 2 === 0 ? '-' : '\u2013');
    }
  }
  return parts.join(' ');
}

describe('dashes in the PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kapitel-dashes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('never begins a line with a dash between words: the dash stays with the word before it', () => {
    const paragraph = { type: 'paragraph', content: [{ type: 'text', text: dashedText() }] };
    const rendered = new ReportCompiler().render(reportModel([paragraph, paragraph, paragraph]));
    const path = join(dir, 'dashes.pdf');
    writeFileSync(path, rendered.pdf);
    const lines = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
      .split(/\n|\f/)
      .map((line) => line.trim());
    const dashed = lines.filter((line) => line.includes('\u2013'));
    // The paragraphs are there, over many lines, with their dashes; none at a line's start.
    expect(dashed.length).toBeGreaterThan(20);
    expect(lines.filter((line) => line.startsWith('\u2013'))).toEqual([]);
  });
});
