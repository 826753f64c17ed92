import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { createParticipant, createProject, createSection, registerUser } from '../factories.js';
import { mustSucceed } from '../permission-matrix.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { approve, comparable, doc, exportPdf, heading, paragraph, PdfFile, setContent, text } from './export-support.js';

/**
 * What the pages look like beyond their words (docs/export.md, "Layout"): the running header
 * whole (descenders not clipped, a long title cut with "…" on one line), the cover with the
 * publisher and without "Endfassung", the draft's placeholder below an empty section, no
 * heading alone at the foot of a page, a space after a footnote's number, the PDF's authors.
 */

const run = promisify(execFile);
const LOREM = 'Die Verwaltungsdigitalisierung der Gemeinden schreitet voran, und die Gremien entscheiden über quelloffene Software. ';
const TITLE = 'Digitalisierungsbericht Gemeinde';

/** Text without the draft's watermark, which poppler reads in pieces ("EN", "TW", "UR", "F") among the lines. */
const withoutWatermark = (value: string): string => value.replace(/(^| )(EN|TW|UR|F)(?= |$)/g, '').trim();

interface Word { xMin: number; yMin: number; xMax: number; yMax: number; word: string }

/** Every word of a page with its box in points (`pdftotext -bbox`). */
async function words(pdf: PdfFile, page: number): Promise<Word[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), pdf.path, '-']);
  return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), word: m[5],
  }));
}

/**
 * How much of its box a word's ink fills from top to bottom, rendered at 600 dpi. Its box spans
 * the font's ascent to descent at its size, so the share is the same at any size, unless the
 * word is clipped: "Digitalisierungsbericht" cut at its baseline loses the tails of g and g.
 */
async function inkShare(pdf: PdfFile, page: number, word: Word): Promise<number> {
  const scale = 600 / 72;
  const box = { x: Math.floor(word.xMin * scale), y: Math.floor(word.yMin * scale), w: Math.ceil((word.xMax - word.xMin) * scale), h: Math.ceil((word.yMax - word.yMin) * scale) };
  const out = `${pdf.path}-ink`;
  await run('pdftoppm', ['-gray', '-r', '600', '-f', String(page), '-l', String(page), '-singlefile',
    '-x', String(box.x), '-y', String(box.y), '-W', String(box.w), '-H', String(box.h + 40), pdf.path, out]);
  const pgm = readFileSync(`${out}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(pgm.toString('latin1', 0, 40));
  if (!header) {
    throw new Error('pdftoppm wrote no PGM');
  }
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  const inked = [...Array(height).keys()].filter((y) => pixels.subarray(y * width, (y + 1) * width).some((v) => v < 160));
  return (inked[inked.length - 1] - inked[0]) / box.h;
}

describe('export typography', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('prints the cover, header, placeholders, footnotes and authors of a draft and of the final report', async () => {
    const lead = await registerUser(app, { name: 'Lena Leitung', organisation: 'Stadt Musterstadt' });
    const project = await createProject(lead, { title: TITLE, language: 'de' });
    await mustSucceed(lead, 'patch', `/api/projects/${project.id}`, { publisher: '  Deutscher Städtetag ' });
    const author = await createParticipant(app, lead, project.id, 'author');
    const reviewer = await createParticipant(app, lead, project.id, 'reviewer');
    const reader = await createParticipant(app, lead, project.id, 'reader');
    const one = await createSection(lead, project.id, { title: 'Ausgangslage' });
    const empty = await createSection(lead, project.id, { title: 'Leerer Abschnitt', parentId: one.id });
    const two = await createSection(lead, project.id, { title: 'Ergebnisse' });
    await setContent(app, one.id, doc(
      paragraph(text(LOREM.repeat(3))),
      { type: 'paragraph', content: [text('Laut Städtetag'), { type: 'footnote', attrs: { text: 'Städtetag, Positionspapier 2024.' } }, text(' gilt das.')] },
      heading(2, 'Zwischenüberschrift'),
      paragraph(text(LOREM)),
    ));
    await setContent(app, two.id, doc(paragraph(text(LOREM.repeat(2)))));

    const draft = new PdfFile(await exportPdf(lead, project.id, 'draft'));
    try {
      const cover = comparable(await draft.text({ page: 1, layout: false }));
      expect(cover).toMatch(/ENTWURF · \d{1,2}\. \S+ \d{4} /);
      expect(cover).toContain('Deutscher Städtetag');
      // Page 3 is chapter 1's: its header is the title alone, whole.
      const header = (await words(draft, 3)).filter((w) => w.yMax < 70);
      expect(header.map((w) => w.word).join(' ')).toBe(TITLE);
      const onCover = (await words(draft, 1)).find((w) => w.word === 'Digitalisierungsbericht');
      const share = await inkShare(draft, 3, header[0]);
      expect(share).toBeGreaterThan((await inkShare(draft, 1, onCover!)) - 0.06);

      const chapter = withoutWatermark(comparable(await draft.text({ page: 3, layout: false })));
      // The review state's badge (Entwurf) may be read before or after the placeholder.
      expect(chapter).toMatch(/1\.1 Leerer Abschnitt (Entwurf )?\(noch kein Text\)/);
      // Chapter 1 has text: no placeholder below it; the footnote's number stands apart.
      expect(chapter.match(/\(noch kein Text\)/g)).toHaveLength(1);
      expect(chapter).toMatch(/ 1 Städtetag, Positionspapier 2024\./);
      expect(chapter).toMatch(/Entwurf · \d{1,2}\. \S+ \d{4} Seite 1 von 2/);

      const { stdout } = await run('pdfinfo', [draft.path]);
      const authors = /^Author:\s+(.*)$/m.exec(stdout)?.[1] ?? '';
      expect(authors.split(', ').sort()).toEqual([author.user.name, 'Lena Leitung'].sort());
      expect(authors).not.toContain(reviewer.user.name);
      expect(authors).not.toContain(reader.user.name);
      await draft.renderPages('typography-draft', 1, 4);
    } finally {
      draft.remove();
    }

    for (const section of [one, empty, two]) {
      await approve(lead, project.id, section.id);
    }
    const final = new PdfFile(await exportPdf(lead, project.id, 'final'));
    try {
      const cover = comparable(await final.text({ page: 1, layout: false }));
      expect(cover).toMatch(/^\d{1,2}\. \S+ \d{4} Digitalisierungsbericht Gemeinde Deutscher Städtetag/);
      expect(cover).not.toMatch(/ENDFASSUNG|Endfassung|ENTWURF/i);
      const all = comparable(await final.text({ layout: false }));
      expect(all).not.toContain('noch kein Text');
      // The empty section's heading is followed by nothing of its own: next comes the page's footnote.
      expect(all).toContain('1.1 Leerer Abschnitt 1 Städtetag, Positionspapier 2024.');
      expect(all).not.toMatch(/Entwurf ·/);
      expect(final.bytes.toString('latin1')).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
      await final.renderPages('typography-final', 1, 3);
    } finally {
      final.remove();
    }
  }, 180_000);

  it('cuts a long title and chapter title in the header to one line with "…", and never leaves a heading at the foot of a page', async () => {
    const lead = await registerUser(app, { name: 'Lena Leitung' });
    const long = `Bericht über die Digitalisierung der Verwaltung in den Landkreisen, Städten und Gemeinden ${'des Landes '.repeat(8)}Ende`;
    const project = await createProject(lead, { title: long, language: 'de' });
    const chapter = await createSection(lead, project.id, { title: `Ausgangslage und Handlungsfelder der kommunalen Digitalisierung ${'im Land '.repeat(6)}` });
    await setContent(app, chapter.id, doc(paragraph(text(LOREM.repeat(30)))));
    // Sub-sections of varied lengths, some empty, some with headings in their text: their headings
    // land at many heights of the pages, the foot among them, unless kept with what follows.
    for (let i = 1; i <= 36; i += 1) {
      const section = await createSection(lead, project.id, { title: `Abschnitt Nummer ${i}`, parentId: chapter.id });
      if (i % 4 !== 3) {
        await setContent(app, section.id, doc(paragraph(text(LOREM.repeat(1 + ((i * 7) % 6)))), heading(2, `Textüberschrift ${i}`), paragraph(text(LOREM.repeat(1 + (i % 3))))));
      }
    }
    const pdf = new PdfFile(await exportPdf(lead, project.id, 'draft'));
    try {
      const pages = await pdf.pages();
      // From the chapter's second page on, the header has the title left and the chapter right.
      const right = 595.28 - 70.87;
      for (const page of [4, pages]) {
        const header = (await words(pdf, page)).filter((w) => w.yMax < 70);
        expect(new Set(header.map((w) => Math.round(w.yMin))).size).toBe(1);
        expect(Math.max(...header.map((w) => w.xMax))).toBeLessThanOrEqual(right + 0.5);
        const line = header.map((w) => w.word).join(' ');
        expect(line).toMatch(/^Bericht über die Digitalisierung .*… 1 Ausgangslage und .*…$/);
      }
      for (let page = 3; page <= pages; page += 1) {
        const lines = (await pdf.text({ page })).split('\n').filter((l) => l.trim() !== '' && !/Seite \d+ von|^\s*[ENTWURF]{1,3}\s*$/.test(l));
        const last = lines[lines.length - 1] ?? '';
        expect({ page, last: /Abschnitt Nummer|Textüberschrift/.test(last) ? last.trim() : 'text' }).toEqual({ page, last: 'text' });
      }
      await pdf.renderPages('typography-long', 3, 4);
    } finally {
      pdf.remove();
    }
  }, 180_000);

  it('prints emoji in a title and the text with the bundled emoji font, never as empty boxes', async () => {
    const lead = await registerUser(app, { name: 'Lena Leitung' });
    const project = await createProject(lead, { title: 'Bericht 🚀', language: 'de' });
    const chapter = await createSection(lead, project.id, { title: 'Ausgangslage ✅' });
    await setContent(app, chapter.id, doc(paragraph(text('Erreicht ✅, offen ❌, Idee 💡, Zustimmung 👍.'))));
    const pdf = new PdfFile(await exportPdf(lead, project.id, 'draft'));
    try {
      // Each glyph comes from a font that has it: the emoji from Noto Emoji, embedded; none is a
      // .notdef box (which poppler would read as nothing or a replacement character).
      const fonts = await pdf.fonts();
      expect(fonts.some((font) => /NotoEmoji\S*\s.*\byes\s+yes\s+yes\b/.test(font))).toBe(true);
      const words = comparable(await pdf.text({ layout: false }));
      expect(words).toContain('Erreicht ✅, offen ❌, Idee 💡, Zustimmung 👍.');
      expect(words).toContain('Ausgangslage ✅');
      expect(words).not.toContain('\uFFFD');
      await pdf.renderPages('typography-emoji', 3, 3);
    } finally {
      pdf.remove();
    }
  }, 120_000);
});
