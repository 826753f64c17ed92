import type { JSONContent } from '@tiptap/core';
import { createProject, createSection, registerUser, type Person } from '../factories.js';
import { startTestApp, type TestApp } from '../test-app.js';
import {
  approve,
  comparable,
  doc,
  exportPdf,
  paragraph,
  PdfFile,
  physicalPages,
  setContent,
  text,
} from './export-support.js';

/**
 * The list of abbreviations in the export ("Abkürzungsverzeichnis" / "Abbreviations"): after the
 * contents and the lists of figures and tables, front matter like them, not in the contents but
 * a bookmark (as their headings are); every entry of the project's list (set through
 * the API) as "abbreviation  meaning", in the list's order, its text printed as typed (never read
 * as Typst markup); breaking across pages when long; tagged as a list (L, LI, Lbl, LBody), and
 * a final export stays PDF/A-2a. No list, not even its heading, without abbreviations.
 */

const ENTRIES: Array<[string, string]> = [
  ['OZG', 'Onlinezugangsgesetz'],
  ['BSI', 'Bundesamt für Sicherheit in der Informationstechnik'],
  // Long enough to wrap: its further lines stand under its first.
  [
    'KRITIS',
    'Kritische Infrastrukturen: Organisationen und Einrichtungen mit wichtiger Bedeutung für das staatliche ' +
      'Gemeinwesen, bei deren Ausfall nachhaltig wirkende Versorgungsengpässe eintreten würden',
  ],
  ['z. B.', 'zum Beispiel'],
  // Typst markup and straight quotes: printed as typed (the quotes as the language's).
  ['#set', 'Eine "Vorlage" mit *Stern* und $x$ und #include("/etc/passwd")'],
];

/** The order the list (and the PDF) shows: German collation, case and punctuation aside. */
const SORTED = ['#set', 'BSI', 'KRITIS', 'OZG', 'z. B.'];

const image = (src: string, alt: string, caption: string): JSONContent => ({
  type: 'image',
  attrs: { src, alt, caption },
});

/** The PDF's bookmarks (outline items: objects with a /Parent and a /Title), in the file's order. */
function bookmarks(pdf: PdfFile): string[] {
  const raw = pdf.bytes.toString('latin1');
  return [...raw.matchAll(/\/Parent \d+ 0 R[^>]*?\/Title (\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f]*>)/g)].map(
    ([, title]) => {
      if (title.startsWith('<')) {
        return Buffer.from(title.slice(5, -1), 'hex').swap16().toString('utf16le');
      }
      return title.slice(1, -1).replace(/\\(.)/g, '$1');
    },
  );
}

async function addAbbreviations(
  lead: Person,
  projectId: string,
  entries: Array<[string, string]>,
): Promise<void> {
  for (const [short, long] of entries) {
    const res = await lead.client.post(`/api/projects/${projectId}/abbreviations`, { short, long });
    if (res.status !== 201) {
      throw new Error(`adding ${short} answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
  }
}

/** Two chapters, the second with a captioned image from elsewhere (so there is a list of figures). */
async function report(app: TestApp, language: 'de' | 'en') {
  const lead = await registerUser(app, { name: 'Abby Kürzel' });
  const project = await createProject(lead, { title: 'Bericht mit Abkürzungen', language });
  const one = await createSection(lead, project.id, { title: 'Einleitung' });
  const two = await createSection(lead, project.id, { title: 'Ergebnisse' });
  await setContent(app, one.id, doc(paragraph(text('Das OZG verpflichtet Bund und Länder.'))));
  await setContent(
    app,
    two.id,
    doc(
      paragraph(text('Das BSI empfiehlt es.')),
      image('https://tracker.example.org/karte.png', 'Karte', 'Lage der Kommunen'),
    ),
  );
  return { lead, projectId: project.id, sections: [one, two] };
}

/** The list's lines on the front page(s): from its heading up to the main matter. */
function listLines(front: string, heading: string): string[] {
  const lines = front.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  return lines
    .slice(start + 1)
    .map((line) => line.replace(/[\u200B\u2060]/g, '').trim())
    .filter((line) => line !== '');
}

describe('the list of abbreviations in the export', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('follows the contents and the list of figures as "Abkürzungsverzeichnis", every entry in order, outside contents and bookmarks', async () => {
    const { lead, projectId } = await report(app, 'de');
    await addAbbreviations(lead, projectId, ENTRIES);
    const pdf = new PdfFile(await exportPdf(lead, projectId, 'draft'));
    try {
      const front = await pdf.text({ page: 2 });
      expect(front).toMatch(/^\s*Inhalt\s*$/m);
      expect(front).toMatch(/^\s*Abkürzungsverzeichnis\s*$/m);
      expect(front.indexOf('Abkürzungsverzeichnis')).toBeGreaterThan(front.indexOf('Abbildungsverzeichnis'));
      expect(front.indexOf('Abbildungsverzeichnis')).toBeGreaterThan(front.indexOf('2 Ergebnisse'));
      // Front matter: the main matter (page 1) starts on the next page.
      expect((await physicalPages(pdf, { page: 'Seite', of: 'von' })).get(1)).toBe(3);

      // Two columns: each abbreviation at a line's start, its meaning beside it, in the list's order.
      const lines = listLines(front, 'Abkürzungsverzeichnis');
      const starts = lines
        .map((line) => SORTED.find((short) => line.startsWith(`${short} `)) ?? null)
        .filter((short) => short !== null);
      expect(starts).toEqual(SORTED);
      const column = (short: string): number => {
        const line = lines.find((candidate) => candidate.startsWith(`${short} `)) ?? '';
        return line.length - line.slice(short.length).trimStart().length;
      };
      // The meanings start in one column (pdftotext -layout keeps positions, give or take a character).
      const columns = SORTED.map(column);
      expect(Math.max(...columns) - Math.min(...columns)).toBeLessThanOrEqual(1);

      // Each meaning whole (read without -layout, pdftotext takes the aligned columns one after
      // the other), and beside its abbreviation on the abbreviation's line (as laid out).
      const all = comparable(await pdf.text({ page: 2, layout: false }));
      for (const [short, long] of ENTRIES) {
        expect(all).toContain(comparable(long));
        const line = lines.find((candidate) => candidate.startsWith(`${short} `)) ?? '';
        expect(comparable(line)).toContain(comparable(`${short} ${long.split(' ').slice(0, 3).join(' ')}`));
      }
      // Markup printed as typed; the straight quotes set as German ones.
      expect(await pdf.text({ page: 2, layout: false })).toContain(
        'Eine „Vorlage“ mit *Stern* und $x$ und #include(„/etc/passwd“)',
      );

      // Like the lists of figures and tables: not listed in the contents, but a bookmark.
      expect(comparable(front)).not.toMatch(/Abkürzungsverzeichnis( \.)+ \d/);
      expect(bookmarks(pdf)).toEqual(['Inhalt', 'Abbildungsverzeichnis', 'Abkürzungsverzeichnis', '1 Einleitung', '2 Ergebnisse']);
      await pdf.renderPages('abbreviations', 2, 2);
    } finally {
      pdf.remove();
    }
  }, 180_000);

  it('says "Abbreviations" in English, is tagged as a list, and the final version stays PDF/A-2a with every font embedded', async () => {
    const { lead, projectId, sections } = await report(app, 'en');
    await addAbbreviations(lead, projectId, [
      ['EU', 'European Union'],
      ['e.g.', 'for example'],
    ]);
    for (const section of sections) {
      await approve(lead, projectId, section.id);
    }
    const pdf = new PdfFile(await exportPdf(lead, projectId, 'final'));
    try {
      const front = await pdf.text({ page: 2 });
      expect(front).toMatch(/^\s*Contents\s*$/m);
      expect(front).toMatch(/^\s*Abbreviations\s*$/m);
      expect(front.indexOf('Abbreviations')).toBeGreaterThan(front.indexOf('List of figures'));
      const lines = listLines(front, 'Abbreviations');
      expect(lines.slice(0, 2).map((line) => line.replace(/\s+/g, ' '))).toEqual([
        'e.g. for example',
        'EU European Union',
      ]);
      expect(comparable(await pdf.text({ layout: false }))).not.toContain('Abkürzungsverzeichnis');
      expect(bookmarks(pdf)).toEqual(['Contents', 'List of figures', 'Abbreviations', '1 Einleitung', '2 Ergebnisse']);

      const raw = pdf.bytes.toString('latin1');
      expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
      expect(raw).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
      expect(raw).toMatch(/\/Type\s*\/StructTreeRoot/);
      expect(raw).toContain('/Lang (en)');
      // A list of two items, each with the abbreviation as its label and the meaning as its body
      // (the contents and the list of figures tag their entries as TOCI, not as list items).
      expect(raw.match(/\/S\s*\/LI\b/g)).toHaveLength(2);
      expect(raw.match(/\/S\s*\/LBody\b/g)).toHaveLength(2);
      expect(raw).toMatch(/\/S\s*\/L\b/);
      expect(raw).toMatch(/\/S\s*\/Lbl\b/);
      const fonts = await pdf.fonts();
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        const columns = font.trim().split(/\s+/);
        expect({ font: columns[0], emb: columns[columns.length - 5] }).toEqual({
          font: columns[0],
          emb: 'yes',
        });
      }
    } finally {
      pdf.remove();
    }
  }, 180_000);

  it('runs on over the next pages when long, every entry once, the main matter after it', async () => {
    const { lead, projectId } = await report(app, 'de');
    const many: Array<[string, string]> = Array.from({ length: 70 }, (_, index) => [
      `AK${String(index).padStart(2, '0')}`,
      `Abkürzung Nummer ${index + 1} für einen Arbeitskreis der Verwaltung`,
    ]);
    await addAbbreviations(lead, projectId, many);
    const pdf = new PdfFile(await exportPdf(lead, projectId, 'draft'));
    try {
      const physical = await physicalPages(pdf, { page: 'Seite', of: 'von' });
      const firstMain = physical.get(1) ?? 0;
      expect(firstMain).toBeGreaterThan(3);
      // Line by line as laid out (without -layout pdftotext reads the aligned columns one after the other).
      let front = '';
      for (let page = 2; page < firstMain; page += 1) {
        front += await pdf.text({ page });
      }
      const printed = [...front.matchAll(/^\s*(AK\d\d)\s+Abkürzung Nummer (\d+) /gm)].map(
        (match) => `${match[1]} ${match[2]}`,
      );
      expect(printed).toEqual(many.map(([short], index) => `${short} ${index + 1}`));
      await pdf.renderPages('abbreviations-long', 2, firstMain - 1);
    } finally {
      pdf.remove();
    }
  }, 180_000);

  it('keeps a short list whole with its heading on the next page rather than leaving a few entries alone there', async () => {
    const { lead, projectId } = await report(app, 'de');
    // A long contents, so that the list starts low on its page.
    for (let index = 0; index < 17; index += 1) {
      await createSection(lead, projectId, { title: `Kapitel über die Arbeitskreise der Verwaltung, Teil ${String(index + 1)}` });
    }
    const few: Array<[string, string]> = Array.from({ length: 9 }, (_, index) => [
      `AG${String(index + 1)}`,
      `Arbeitsgruppe ${String(index + 1)} des kommunalen Spitzenverbands für digitale Souveränität und offene Software in Kommunen`,
    ]);
    await addAbbreviations(lead, projectId, few);
    const pdf = new PdfFile(await exportPdf(lead, projectId, 'draft'));
    try {
      const firstMain = (await physicalPages(pdf, { page: 'Seite', of: 'von' })).get(1) ?? 0;
      const pages: string[] = [];
      for (let page = 2; page < firstMain; page += 1) {
        pages.push(await pdf.text({ page }));
      }
      const withHeading = pages.findIndex((text) => /^\s*Abkürzungsverzeichnis\s*$/m.test(text));
      expect(withHeading).toBeGreaterThan(0);
      const entriesOn = (text: string) => [...text.matchAll(/^\s*(AG\d)\s/gm)].map((match) => match[1]);
      expect(entriesOn(pages[withHeading] ?? '')).toEqual(few.map(([short]) => short));
      expect(pages.flatMap((text, index) => (index === withHeading ? [] : entriesOn(text)))).toEqual([]);
      await pdf.renderPages('abbreviations-kept', 2, firstMain - 1);
    } finally {
      pdf.remove();
    }
  }, 180_000);

  it('never breaks an abbreviation after a hyphen of its own, the widest in its column included', async () => {
    const { lead, projectId } = await report(app, 'de');
    await addAbbreviations(lead, projectId, [
      ['EVB-IT', 'Ergänzende Vertragsbedingungen für die Beschaffung von IT-Leistungen'],
      ['OZG', 'Onlinezugangsgesetz'],
      ['IT-PLR', 'IT-Planungsrat'],
    ]);
    const pdf = new PdfFile(await exportPdf(lead, projectId, 'draft'));
    try {
      const lines = listLines(await pdf.text({ page: 2 }), 'Abkürzungsverzeichnis');
      expect(lines.filter((line) => /^(EVB-IT|IT-PLR|OZG) /.test(line)).map((line) => line.replace(/\s+/g, ' '))).toEqual([
        'EVB-IT Ergänzende Vertragsbedingungen für die Beschaffung von IT-Leistungen',
        'IT-PLR IT-Planungsrat',
        'OZG Onlinezugangsgesetz',
      ]);
      expect(lines.some((line) => /^(EVB|IT)-$/.test(line))).toBe(false);
    } finally {
      pdf.remove();
    }
  }, 180_000);

  it('is left out entirely, heading and page, without abbreviations', async () => {
    const { lead, projectId } = await report(app, 'de');
    const pdf = new PdfFile(await exportPdf(lead, projectId, 'draft'));
    try {
      expect(comparable(await pdf.text({ layout: false }))).not.toContain('Abkürzungsverzeichnis');
      expect((await physicalPages(pdf, { page: 'Seite', of: 'von' })).get(1)).toBe(3);
    } finally {
      pdf.remove();
    }
  }, 180_000);
});
