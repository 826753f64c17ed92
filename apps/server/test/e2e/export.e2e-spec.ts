import type { ExportJob, Section } from '@kapitel/domain';
import { createProject, createSection, registerUser, type Person } from '../factories.js';
import { pngImage } from '../image-files.js';
import { mustSucceed } from '../permission-matrix.js';
import { startTestApp, type TestApp } from '../test-app.js';
import {
  comparable, doc, download, exportPdf, heading, link, paragraph, PdfFile, requestExport, setContent, table, text, waitForExport,
} from './export-support.js';

/**
 * The draft export end to end: job API, file download, and what the PDF says (read back with
 * poppler): contents against the real pages, footers, watermark, review states, umlauts,
 * hyphenation, quotation marks per language. docs/export.md.
 */

const LOREM =
  'Die Verwaltungsdigitalisierung der Gemeinden schreitet voran. Über die Einführung quelloffener Software ' +
  'entscheiden die Gremien im Rahmen ihrer Zuständigkeit; dabei sind Datenschutz, Barrierefreiheit und ' +
  'Wirtschaftlichkeit gleichermaßen zu berücksichtigen. ';
const LONG_WORDS = 'Verwaltungsdigitalisierungsstrategie Datenschutzfolgenabschätzung Beschaffungsvergaberichtlinie';

interface Report {
  lead: Person;
  projectId: string;
  sections: Section[];
}

/** A German report: foreword (unnumbered), chapters 1 and 2 with sub-sections, an annex. */
async function germanReport(app: TestApp): Promise<Report> {
  const lead = await registerUser(app, { name: 'Änne Groß', organisation: 'Stadt Musterstadt' });
  const project = await createProject(lead, { title: 'Bericht über Größenordnungen', language: 'de' });
  const foreword = await createSection(lead, project.id, { title: 'Vorwort', numbered: false });
  const one = await createSection(lead, project.id, { title: 'Ausgangslage' });
  const oneOne = await createSection(lead, project.id, { title: 'Rechtlicher Rahmen', parentId: one.id });
  const oneTwo = await createSection(lead, project.id, { title: 'Übersicht der Maßnahmen', parentId: one.id });
  const two = await createSection(lead, project.id, { title: 'Ergebnisse' });
  const twoOne = await createSection(lead, project.id, { title: 'Befragung', parentId: two.id });
  const annex = await createSection(lead, project.id, { title: 'Anhang', numbered: false });
  await setContent(app, foreword.id, doc(paragraph(text('Sehr geehrte Damen und Herren, "Größe" zählt.'))));
  await setContent(app, one.id, doc(paragraph(text(LOREM.repeat(12))), heading(2, 'Zwischenüberschrift im Kapitel'), paragraph(text(LOREM.repeat(10)))));
  await setContent(
    app,
    oneOne.id,
    doc(
      paragraph(text('Fett', 'bold'), text(' und '), text('kursiv', 'italic'), text(' und '), text('ein Verweis', link('https://example.org/bericht'))),
      table(['Begriff', 'Erläuterung', 'Quelle', 'Jahr'], [[LONG_WORDS, LONG_WORDS, LONG_WORDS, '2025']]),
      paragraph(text(LOREM.repeat(20))),
    ),
  );
  await setContent(app, oneTwo.id, doc(paragraph(text(`Äpfel, Öfen, Übungen und Straßen: ${LOREM.repeat(25)}`))));
  await setContent(app, two.id, doc(paragraph(text(LOREM.repeat(6)))));
  await setContent(
    app,
    twoOne.id,
    doc(
      paragraph(text(LOREM.repeat(8))),
      { type: 'image', attrs: { src: `data:image/png;base64,${pngImage(40, 40).toString('base64')}`, alt: 'Rotes Quadrat' } },
      { type: 'image', attrs: { src: 'https://tracker.example.org/pixel.png', alt: 'Organigramm' } },
    ),
  );
  await setContent(app, annex.id, doc(paragraph(text('Ende des Berichts.'))));
  await mustSucceed(lead, 'post', `/api/projects/${project.id}/sections/${oneTwo.id}/transitions`, { action: 'submit' });
  return { lead, projectId: project.id, sections: [foreword, one, oneOne, oneTwo, two, twoOne, annex] };
}

/** The physical page (1-based) each footer "Seite X von Y" sits on, and the Y they name. */
async function footers(pdf: PdfFile, words: { page: string; of: string }): Promise<Map<number, { x: number; y: number }>> {
  const found = new Map<number, { x: number; y: number }>();
  const pattern = new RegExp(`${words.page} (\\d+) ${words.of} (\\d+)`);
  for (let page = 1; page <= (await pdf.pages()); page += 1) {
    const match = pattern.exec(await pdf.text({ page }));
    if (match) {
      found.set(page, { x: Number(match[1]), y: Number(match[2]) });
    }
  }
  return found;
}

describe('draft export', () => {
  let app: TestApp;
  let report: Report;
  let exportId: string;
  let pdf: PdfFile;

  beforeAll(async () => {
    app = await startTestApp();
    report = await germanReport(app);
    const started = Date.now();
    exportId = await requestExport(report.lead, report.projectId, 'draft');
    const job = await waitForExport(report.lead, report.projectId, exportId);
    expect(job).toMatchObject({ status: 'done', progress: 1, error: null });
    const file = await download(report.lead, report.projectId, exportId);
    expect(file.status).toBe(200);
    pdf = new PdfFile(file.bytes);
    process.stdout.write(`draft export took ${Date.now() - started} ms, ${file.bytes.length} bytes\n`);
  }, 180_000);

  afterAll(async () => {
    pdf?.remove();
    await app?.close();
  });

  it('answers the request with 202 and a queued job, and lists it newest first', async () => {
    const res = await report.lead.client.post(`/api/projects/${report.projectId}/exports`, { mode: 'draft' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ id: expect.any(String) as string, status: 'queued' });
    const id = (res.body as { id: string }).id;
    await waitForExport(report.lead, report.projectId, id);
    const list = await report.lead.client.get<ExportJob[]>(`/api/projects/${report.projectId}/exports`);
    expect(list.status).toBe(200);
    expect(list.body.map((job) => job.id).slice(0, 2)).toEqual([id, exportId]);
    expect(list.body[1]).toMatchObject({
      mode: 'draft', status: 'done', progress: 1, createdBy: report.lead.user.id, size: pdf.bytes.length, error: null,
    });
  });

  it('serves the file as application/pdf with a readable file name, as often as asked', async () => {
    const file = await download(report.lead, report.projectId, exportId);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(
      /^attachment; filename="bericht-ueber-groessenordnungen-entwurf-\d{4}-\d{2}-\d{2}\.pdf"; filename\*=UTF-8''/,
    );
    expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.bytes.equals(pdf.bytes)).toBe(true);
  });

  it('lists every section in the contents with the page its heading is on', async () => {
    const contents = await pdf.text({ page: 2 });
    expect(contents).toContain('Inhalt');
    const pages = await footers(pdf, { page: 'Seite', of: 'von' });
    const physicalOf = new Map([...pages].map(([physical, { x }]) => [x, physical]));
    const expected = [
      { number: null, title: 'Vorwort' }, { number: '1', title: 'Ausgangslage' }, { number: '1.1', title: 'Rechtlicher Rahmen' },
      { number: '1.2', title: 'Übersicht der Maßnahmen' }, { number: '2', title: 'Ergebnisse' }, { number: '2.1', title: 'Befragung' },
      { number: null, title: 'Anhang' },
    ];
    for (const entry of expected) {
      const label = entry.number ? `${entry.number} ${entry.title}` : entry.title;
      const line = new RegExp(`^\\s*${label.replace(/\./g, '\\.')} [. ]+\\D?(\\d+)\\s*$`, 'm').exec(contents);
      expect({ entry: label, found: line !== null }).toEqual({ entry: label, found: true });
      const shown = Number(line?.[1]);
      const physical = physicalOf.get(shown);
      expect(physical).toBeDefined();
      const page = await pdf.text({ page: physical });
      expect({ entry: label, onPage: new RegExp(`^\\s*${label.replace(/\./g, '\\.')}\\b`, 'm').test(page) }).toEqual({ entry: label, onPage: true });
    }
  });

  it('counts pages from the first main page in every footer ("Seite X von Y")', async () => {
    const total = await pdf.pages();
    const pages = await footers(pdf, { page: 'Seite', of: 'von' });
    // Cover and contents carry no number; every page after them does, counting 1..Y.
    expect([...pages.keys()]).toEqual(Array.from({ length: total - 2 }, (_, i) => i + 3));
    expect([...pages.values()]).toEqual(Array.from({ length: total - 2 }, (_, i) => ({ x: i + 1, y: total - 2 })));
    expect(total - 2).toBeGreaterThanOrEqual(5);
  });

  it('puts the watermark on every page and the review state beside each heading', async () => {
    const total = await pdf.pages();
    for (let page = 1; page <= total; page += 1) {
      // The rotated watermark comes out one letter per line.
      expect((await pdf.text({ page, raw: true })).replace(/\n/g, '')).toContain('ENTWURF');
    }
    const all = await pdf.text();
    expect(all).toMatch(/^\s*1\.2 Übersicht der Maßnahmen\s+In Prüfung\s*$/m);
    expect(all).toMatch(/^\s*1 Ausgangslage\s+Entwurf\s*$/m);
    // The state is no part of the heading: the contents do not show it.
    expect(await pdf.text({ page: 2 })).not.toMatch(/In Prüfung|Entwurf/);
  });

  it('shows cover, title metadata and German typography', async () => {
    const cover = comparable(await pdf.text({ page: 1 }));
    expect(cover).toContain('Bericht über Größenordnungen');
    expect(cover).toContain('Stadt Musterstadt');
    expect(cover).toContain('Änne Groß');
    const all = await pdf.text({ layout: false });
    expect(all).toContain('Äpfel, Öfen, Übungen und Straßen');
    expect(all).toContain('„Größe“ zählt'); // German quotation marks from straight ones
  });

  it('hyphenates German words and they extract whole again', async () => {
    const all = await pdf.text({ layout: false });
    // Typst marks a hyphenation break as a soft hyphen at the end of the line.
    expect(all).toMatch(/\u00AD\n/);
    for (const word of LONG_WORDS.split(' ')) {
      expect(comparable(all)).toContain(word);
    }
  });

  it('embeds an image the export holds and names one it would have to fetch', async () => {
    expect(pdf.bytes.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    expect(comparable(await pdf.text({ layout: false }))).toContain('Bild nicht eingebettet: Organigramm');
  });

  it('renders the first pages for a look (test-results/export-draft-*.png)', async () => {
    await pdf.renderPages('draft', 1, 4);
  });
});

describe('draft export in English', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('uses English words, quotes and page footers', async () => {
    const lead = await registerUser(app, { name: 'Erin Lead' });
    const project = await createProject(lead, { title: 'Annual report', language: 'en' });
    const chapter = await createSection(lead, project.id, { title: 'Introduction' });
    await setContent(app, chapter.id, doc(paragraph(text('She said "hello" and left. ' + 'Text for the page. '.repeat(50)))));
    const file = new PdfFile(await exportPdf(lead, project.id, 'draft'));
    try {
      const all = await file.text({ layout: false });
      expect(all).toContain('Contents');
      expect((await file.text({ raw: true })).replace(/\n/g, '')).toContain('DRAFT');
      expect(all).toContain('She said “hello” and left.');
      expect(all).toMatch(/Page 1 of 1/);
    } finally {
      file.remove();
    }
  });
});
