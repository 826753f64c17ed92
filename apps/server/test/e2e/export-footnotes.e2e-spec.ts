import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ExportJob } from '@kapitel/domain';
import type { JSONContent } from '@tiptap/core';
import { createProject, createSection, registerUser } from '../factories.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { approve, doc, download, paragraph, PdfFile, requestExport, setContent, text, waitForExport } from './export-support.js';

/**
 * Footnotes in the PDF: at the foot of their page, numbered through the whole report, their web
 * addresses clickable and wrapped inside the margins. docs/export.md.
 */

const run = promisify(execFile);
const footnote = (value: string): JSONContent => ({ type: 'footnote', attrs: { text: value } });
const FILLER = 'Die Gemeinden prüfen ihre Verträge mit Softwareanbietern und planen den Wechsel sorgfältig. ';
// A real-looking address of a ministry's PDF, far longer than a line of notes.
const MINISTRY_PDF =
  'https://www.bmi.bund.de/SharedDocs/downloads/DE/publikationen/themen/moderne-verwaltung/digitalisierung/onlinezugangsgesetz-umsetzungskatalog-leistungsbuendel-2023.pdf?__blob=publicationFile&v=7';
const BSI = 'https://www.bsi.bund.de/DE/Themen/IT-Grundschutz/it-grundschutz_node.html';
const WIKIPEDIA = 'https://de.wikipedia.org/wiki/Gemeinde_(Deutschland)';
// A4 is 595.28 pt wide; the template's margins are 25 mm (70.87 pt) left and right.
const RIGHT_MARGIN = 595.28 - 70.87;

/**
 * The targets of the PDF's link annotations (Typst writes them uncompressed), read as PDF
 * literal strings: balanced parentheses stand in them unescaped.
 */
function linkTargets(pdf: PdfFile): string[] {
  const raw = pdf.bytes.toString('latin1');
  return [...raw.matchAll(/\/URI\s*\(/g)].map((match) => {
    let target = '';
    let depth = 1;
    for (let at = match.index + match[0].length; at < raw.length; at += 1) {
      const char = raw[at];
      if (char === '\\') {
        at += 1;
        target += raw[at];
        continue;
      }
      depth += char === '(' ? 1 : char === ')' ? -1 : 0;
      if (depth === 0) {
        break;
      }
      target += char;
    }
    return target;
  });
}

/** The words poppler finds on `page`, each with the right edge of its box. */
async function wordsOn(pdf: PdfFile, page: number): Promise<Array<{ word: string; right: number }>> {
  const { stdout } = await run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf.path, '-'], { maxBuffer: 16 * 1024 * 1024 });
  return [...stdout.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((match) => ({
    right: Number(match[1]),
    word: match[2].replace(/&amp;/g, '&'),
  }));
}

describe('footnotes in the export', () => {
  let app: TestApp;
  let pdf: PdfFile;
  let job: ExportJob;

  beforeAll(async () => {
    app = await startTestApp();
    const lead = await registerUser(app, { name: 'Fritz Fußnote' });
    const project = await createProject(lead, { title: 'Bericht mit Quellen', language: 'de' });
    const one = await createSection(lead, project.id, { title: 'Kosten' });
    const two = await createSection(lead, project.id, { title: 'Betrieb' });
    await setContent(
      app,
      one.id,
      doc(
        paragraph(text('Die Lizenzkosten sinken deutlich'), footnote('KGSt-Bericht 3/2024, S. 12.'), text('.')),
        paragraph(
          text('Der Bund stellt einen Katalog bereit'),
          footnote(`Bundesministerium des Innern und für Heimat (2023): Umsetzungskatalog zum Onlinezugangsgesetz, ${MINISTRY_PDF}.`),
          text(', das BSI einen Standard'),
          footnote(`Vgl. BSI (2024): IT-Grundschutz-Kompendium (${BSI}), abgerufen am 3.5.2025; nicht javascript:alert(1).`),
          text(' für die Gemeinden'),
          footnote(`Zum Begriff: Wikipedia (${WIKIPEDIA}).`),
          text('.'),
        ),
      ),
    );
    await setContent(
      app,
      two.id,
      doc(
        paragraph(text(FILLER.repeat(60))),
        paragraph(text('Der Betrieb bleibt im eigenen Rechenzentrum'), footnote('Beschluss des Kreistags vom 4. März 2025.'), text('.')),
      ),
    );
    await approve(lead, project.id, one.id);
    await approve(lead, project.id, two.id);
    const id = await requestExport(lead, project.id, 'final');
    job = await waitForExport(lead, project.id, id);
    if (job.status !== 'done') {
      throw new Error(`export failed: ${job.error}`);
    }
    pdf = new PdfFile((await download(lead, project.id, id)).bytes);
  }, 180_000);

  afterAll(async () => {
    pdf?.remove();
    await app?.close();
  });

  /** The first page whose text contains `needle`. */
  async function pageWith(needle: string): Promise<number> {
    for (let page = 1; page <= (await pdf.pages()); page += 1) {
      if ((await pdf.text({ page, raw: true })).includes(needle)) {
        return page;
      }
    }
    throw new Error(`"${needle}" is on no page`);
  }

  it('sets each note at the foot of the page that cites it, numbered through the report', async () => {
    const first = await pageWith('Lizenzkosten sinken deutlich');
    const firstText = await pdf.text({ page: first, raw: true });
    expect(firstText).toMatch(/deutlich\s*1\s*\./);
    expect(firstText).toMatch(/1\s*KGSt-Bericht 3\/2024, S\. 12\./);
    expect(firstText.indexOf('KGSt-Bericht')).toBeGreaterThan(firstText.indexOf('Lizenzkosten sinken deutlich'));

    const second = await pageWith('im eigenen Rechenzentrum');
    expect(second).toBeGreaterThan(first);
    const secondText = await pdf.text({ page: second, raw: true });
    expect(secondText).toMatch(/Rechenzentrum\s*5\s*\./);
    expect(secondText).toMatch(/5\s*Beschluss des Kreistags vom 4\. März 2025\./);
  });

  it('keeps the note out of the running text', async () => {
    const all = await pdf.text({ raw: true });
    expect(all.match(/KGSt-Bericht/g)).toHaveLength(1);
  });

  it('makes the web addresses of notes links to them, without the period or bracket that follows them', () => {
    const targets = linkTargets(pdf);
    expect(new Set(targets)).toEqual(new Set([MINISTRY_PDF, BSI, WIKIPEDIA]));
    // Only the bracket opened inside the address closes it.
    expect(targets.filter((target) => /[.,;]$/.test(target) || (target.endsWith(')') && target !== WIKIPEDIA))).toEqual([]);
  });

  it('stays PDF/A-2a with links in its notes', () => {
    expect(job.standard).toBe('pdf-a-2a');
    expect(pdf.bytes.toString('latin1')).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
  });

  it('prints a long address whole, wrapped at its slashes and dots inside the margin, without added hyphens', async () => {
    const page = await pageWith('Umsetzungskatalog zum Onlinezugangsgesetz');
    // Nothing invisible or added inside it: a reader who copies it gets the address.
    expect((await pdf.text({ page, raw: true })).replace(/\s+/g, '')).toContain(`${MINISTRY_PDF}.`);

    // The words of the page that make up the address, one a line (its lines have no spaces).
    let joined = '';
    const words = (await wordsOn(pdf, page)).map((word) => {
      const start = joined.length;
      joined += word.word;
      return { ...word, start, end: joined.length };
    });
    const at = joined.indexOf(MINISTRY_PDF);
    const lines = words.filter((word) => word.end > at && word.start < at + MINISTRY_PDF.length);
    expect(lines.length).toBeGreaterThan(1);
    for (const { word, right } of lines) {
      expect({ word, inside: right <= RIGHT_MARGIN + 0.01 }).toEqual({ word, inside: true });
    }
    lines.slice(1).forEach((line, index) => {
      const before = lines[index].word;
      expect({ before, after: line.word, atAMark: /[/.\-?&=_:]$/.test(before) || /^[/.?&=_]/.test(line.word) }).toEqual({
        before,
        after: line.word,
        atAMark: true,
      });
    });
    await pdf.renderPages('footnote-links', page, page);
  });
});
