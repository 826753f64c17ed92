import { randomUUID } from 'node:crypto';
import type { Language } from '@kapitel/domain';
import { figuresOf } from '@kapitel/editor';
import type { JSONContent } from '@tiptap/core';
import { createProject, createSection, registerUser } from '../factories.js';
import { mustUpload, pngImage } from '../image-files.js';
import { startTestApp, type TestApp } from '../test-app.js';
import {
  approve,
  cell,
  comparable,
  doc,
  exportPdf,
  paragraph,
  PdfFile,
  setContent,
  text,
} from './export-support.js';

/**
 * Cross-references to figures and tables in the PDF (docs/export.md, "Cross-references"): a
 * reference prints its target's word and the number the figure's caption carries ("siehe
 * Abbildung 3", "Tabelle 2"), in any section, and jumps to the figure; one whose target is gone
 * prints its remembered caption, in a draft after "Verweis fehlt:".
 */

const FILLER = 'Die Gemeinden prüfen ihre Verträge mit Softwareanbietern und planen den Wechsel sorgfältig. ';

const image = (src: string, alt: string, caption: string | null, figureId = ''): JSONContent => ({
  type: 'image',
  attrs: { src, alt, caption, figureId },
});
const captionedTable = (figureId: string, caption: string, rows: JSONContent[][]): JSONContent => ({
  type: 'table',
  attrs: { figureId, caption },
  content: rows.map((row) => ({ type: 'tableRow', content: row })),
});
const refTo = (figureId: string, kind: 'figure' | 'table', caption: string): JSONContent => ({
  type: 'figureRef',
  attrs: { figureId, kind, caption },
});

/** A link annotation of the PDF: the page it is on, the page it jumps to, and its text (Typst writes the link's words as `/Contents`). */
interface Jump {
  from: number;
  to: number;
  words: string;
}

/**
 * The PDF's link annotations that jump to a place in it by an explicit destination (a figure;
 * headings are named destinations), read from the uncompressed objects Typst writes.
 */
function jumps(pdf: PdfFile): Jump[] {
  const raw = pdf.bytes.toString('latin1');
  const object = (id: string): string =>
    new RegExp(`\\n${id} 0 obj\\s*([\\s\\S]*?)\\nendobj`).exec(raw)?.[1] ?? '';
  const pages = [
    ...(/\/Type\s*\/Pages\b[^>]*?\/Kids\s*\[([^\]]*)\]/.exec(raw)?.[1] ?? '').matchAll(/(\d+) 0 R/g),
  ].map((m) => m[1]);
  const found: Jump[] = [];
  pages.forEach((page, index) => {
    const annotations = /\/Annots\s*\[([^\]]*)\]/.exec(object(page))?.[1] ?? '';
    for (const [, id] of annotations.matchAll(/(\d+) 0 R/g)) {
      const annotation = object(id);
      const destination = /\/Dest\s+(\d+) 0 R/.exec(annotation)?.[1];
      const words = /\/Contents\s*\(([^)]*)\)/.exec(annotation)?.[1];
      const target =
        destination === undefined ? undefined : /^\s*\[\s*(\d+) 0 R/.exec(object(destination))?.[1];
      if (target !== undefined && words !== undefined) {
        found.push({ from: index + 1, to: pages.indexOf(target) + 1, words });
      }
    }
  });
  return found;
}

describe('cross-references to figures and tables in the exported PDF', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  /**
   * Two chapters with figures and tables that refer to each other's: in the first a captioned
   * image in a list, an uncaptioned image, a table with a captioned image in a cell; in the
   * second a table, an image, and a copy of the first chapter's image (same id). References
   * from both, forward and back, and one to a figure that was deleted.
   */
  async function report(language: Language) {
    const lead = await registerUser(app, { name: 'Fiona Verweis' });
    const project = await createProject(lead, { title: 'Bericht mit Abbildungsverweisen', language });
    const blue = (await mustUpload(lead, project.id, pngImage(240, 100, [30, 90, 160]))).src;
    const orange = (await mustUpload(lead, project.id, pngImage(200, 90, [200, 120, 20]))).src;
    const id = {
      map: randomUUID(),
      cell: randomUUID(),
      survey: randomUUID(),
      costs: randomUUID(),
      chart: randomUUID(),
      gone: randomUUID(),
    };
    const one = await createSection(lead, project.id, { title: 'Ausgangslage' });
    const two = await createSection(lead, project.id, { title: 'Ergebnisse' });
    const first = doc(
      paragraph(
        text('Die Kosten zeigt '),
        refTo(id.costs, 'table', 'Kosten je Einwohner'),
        text(', den Verlauf siehe '),
        refTo(id.chart, 'figure', 'Verlauf'),
        text('.'),
      ),
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [paragraph(text('Die Lage:')), image(blue, 'Karte', 'Lage der Kommunen', id.map)],
          },
        ],
      },
      image(orange, 'Foto des Rathauses', null),
      captionedTable(id.survey, 'Umfrage unter den Kommunen', [
        [cell('Frage', true), cell('Bild', true)],
        [
          cell('Wer nutzt offene Software?'),
          { type: 'tableCell', content: [image(orange, 'Säulen', 'Antworten in Säulen', id.cell)] },
        ],
      ]),
      paragraph(text(FILLER.repeat(12))),
    );
    const second = doc(
      paragraph(
        text('Wie '),
        refTo(id.map, 'figure', 'Lage der Kommunen'),
        text(' und '),
        refTo(id.survey, 'table', 'Umfrage'),
        text(' zeigen, siehe auch '),
        refTo(id.cell, 'figure', 'Säulen'),
        text('.'),
      ),
      paragraph(text(FILLER.repeat(30))),
      captionedTable(id.costs, 'Kosten je Einwohner', [
        [cell('Jahr', true), cell('Euro', true)],
        [cell('2024'), cell('12')],
        [cell('2025'), cell('11')],
      ]),
      image(blue, 'Liniendiagramm', 'Verlauf der Kosten', id.chart),
      image(blue, 'Karte', 'Lage der Kommunen (Wiederholung)', id.map),
      paragraph(text('Früher stand hier '), refTo(id.gone, 'figure', 'Alte Grafik'), text('.')),
    );
    await setContent(app, one.id, first);
    await setContent(app, two.id, second);
    return { lead, projectId: project.id, sections: [one.id, two.id], texts: [first, second] };
  }

  /** The text of every page, made comparable. */
  async function pageTexts(pdf: PdfFile): Promise<string[]> {
    const texts: string[] = [];
    for (let page = 1; page <= (await pdf.pages()); page += 1) {
      texts.push(comparable(await pdf.text({ page, layout: false })));
    }
    return texts;
  }

  /** The page (1-based) where the main matter prints `caption` (after the lists of figures and tables, which repeat it). */
  function captionPage(pages: string[], caption: string): number {
    return pages.findLastIndex((body) => body.includes(caption)) + 1;
  }

  /** The jumps from the references in the main matter (the pages after the list of tables) whose words match `words`. */
  function referenceJumps(pdf: PdfFile, pages: string[], words: RegExp): Jump[] {
    const firstMain = pages.findLastIndex((body) => /Tabellenverzeichnis|List of tables/.test(body)) + 2;
    return jumps(pdf).filter((jump) => jump.from >= firstMain && words.test(jump.words));
  }

  it('prints "Abbildung N" and "Tabelle N" with the numbers of the captions, each a jump to its figure\'s page, and marks a missing target in a draft', async () => {
    const { lead, projectId, texts } = await report('de');
    const pdf = new PdfFile(await exportPdf(lead, projectId, 'draft'));
    try {
      const pages = await pageTexts(pdf);
      const body = pages.join(' ');
      // The numbers the editor counts (figuresOf over the sections in reading order; nested
      // figures where they stand, the uncaptioned image not at all) are the PDF's.
      const counted = { figure: 0, table: 0 };
      const numbers = texts
        .flatMap((json) => figuresOf(json))
        .map((figure) => {
          counted[figure.kind] += 1;
          return `${figure.kind === 'table' ? 'Tabelle' : 'Abbildung'} ${counted[figure.kind]}: ${figure.caption}`;
        });
      expect(numbers).toEqual([
        'Abbildung 1: Lage der Kommunen',
        'Tabelle 1: Umfrage unter den Kommunen',
        'Abbildung 2: Antworten in Säulen',
        'Tabelle 2: Kosten je Einwohner',
        'Abbildung 3: Verlauf der Kosten',
        'Abbildung 4: Lage der Kommunen (Wiederholung)',
      ]);
      for (const caption of numbers) {
        expect(body).toContain(caption);
      }

      expect(body).toContain('Die Kosten zeigt Tabelle 2, den Verlauf siehe Abbildung 3.');
      expect(body).toContain('Wie Abbildung 1 und Tabelle 1 zeigen, siehe auch Abbildung 2.');
      expect(body).toContain('Früher stand hier Verweis fehlt: "Alte Grafik".');

      // Each reference jumps to its figure's page; the one to the figure that was copied
      // (figure 4 has its id) to the first, in chapter 1.
      const fromText = referenceJumps(pdf, pages, /^(Abbildung|Tabelle) \d+$/);
      expect(fromText.map((jump) => jump.words).sort()).toEqual([
        'Abbildung 1',
        'Abbildung 2',
        'Abbildung 3',
        'Tabelle 1',
        'Tabelle 2',
      ]);
      expect(Object.fromEntries(fromText.map((jump) => [jump.words, jump.to]))).toEqual({
        'Abbildung 1': captionPage(pages, 'Abbildung 1: Lage der Kommunen'),
        'Abbildung 2': captionPage(pages, 'Abbildung 2: Antworten in Säulen'),
        'Abbildung 3': captionPage(pages, 'Abbildung 3: Verlauf der Kosten'),
        'Tabelle 1': captionPage(pages, 'Tabelle 1: Umfrage'),
        'Tabelle 2': captionPage(pages, 'Tabelle 2: Kosten je Einwohner'),
      });
      expect(captionPage(pages, 'Abbildung 4:')).toBeGreaterThan(captionPage(pages, 'Abbildung 1:'));
      await pdf.renderPages('figure-refs', captionPage(pages, 'Abbildung 1:'), pages.length);
    } finally {
      pdf.remove();
    }
  }, 180_000);

  it("uses the report's language, and a final export, PDF/A-2a with the references as links, prints a missing target's caption alone", async () => {
    const { lead, projectId, sections } = await report('en');
    for (const sectionId of sections) {
      await approve(lead, projectId, sectionId);
    }
    const pdf = new PdfFile(await exportPdf(lead, projectId, 'final'));
    try {
      const pages = await pageTexts(pdf);
      const body = pages.join(' ');
      expect(body).toContain('Die Kosten zeigt Table 2, den Verlauf siehe Figure 3.');
      expect(body).toContain('Wie Figure 1 und Table 1 zeigen, siehe auch Figure 2.');
      expect(body).toContain('Früher stand hier "Alte Grafik".');
      expect(body).not.toContain('Missing reference');
      const raw = pdf.bytes.toString('latin1');
      expect(raw).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
      const fromText = referenceJumps(pdf, pages, /^(Figure|Table) \d+$/);
      expect(fromText.map((jump) => jump.words).sort()).toEqual([
        'Figure 1',
        'Figure 2',
        'Figure 3',
        'Table 1',
        'Table 2',
      ]);
      expect(fromText.every((jump) => jump.to === captionPage(pages, `${jump.words}:`))).toBe(true);
      // Tagged as links, which screen readers announce as such.
      expect(raw).toMatch(/\/S\s*\/Link/);
    } finally {
      pdf.remove();
    }
  }, 180_000);
});
