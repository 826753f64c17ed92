import { stateOfJson } from '@kapitel/editor';
import * as Y from 'yjs';
import { createProject, createSection, registerUser } from '../factories.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { comparable, doc, exportPdf, paragraph, PdfFile, setContent, text } from './export-support.js';

/**
 * A draft export takes each section's current text wherever it lies: compacted into the
 * snapshot (whose stored JSON is used as it is), in the update log after a snapshot (edits
 * of a room that is still open), or in the log alone (a section never compacted).
 */
describe('the texts of a draft export', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  async function appendToLog(sectionId: string, update: Uint8Array): Promise<void> {
    await app.db.query('INSERT INTO section_updates (section_id, data) VALUES ($1, $2)', [sectionId, Buffer.from(update)]);
  }

  /** An edit after the snapshot: words added to the end of its first paragraph. */
  function editAfter(state: Uint8Array, words: string): Uint8Array {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, state);
    const before = Y.encodeStateVector(ydoc);
    const first = ydoc.getXmlFragment('default').get(0) as Y.XmlElement;
    const line = first.get(0) as Y.XmlText;
    line.insert(line.length, words);
    return Y.encodeStateAsUpdate(ydoc, before);
  }

  it('are the latest ones, from the snapshot, from snapshot and log, and from the log alone', async () => {
    const lead = await registerUser(app, { name: 'Lena Lead' });
    const project = await createProject(lead, { title: 'Quellen des Entwurfs', language: 'de' });
    const compacted = await createSection(lead, project.id, { title: 'Verdichtet' });
    const edited = await createSection(lead, project.id, { title: 'Weiter bearbeitet' });
    const logOnly = await createSection(lead, project.id, { title: 'Nur im Protokoll' });
    await setContent(app, compacted.id, doc(paragraph(text('Text aus dem Schnappschuss.'))));
    await setContent(app, edited.id, doc(paragraph(text('Erster Stand'))));
    const stored = await app.db.query<{ state: Buffer }>('SELECT state FROM section_documents WHERE section_id = $1', [edited.id]);
    await appendToLog(edited.id, editAfter(new Uint8Array(stored.rows[0].state), ' und spätere Ergänzung.'));
    await appendToLog(logOnly.id, stateOfJson(doc(paragraph(text('Text nur aus dem Protokoll.')))));

    const pdf = new PdfFile(await exportPdf(lead, project.id, 'draft'));
    try {
      const body = comparable(await pdf.text());
      expect(body).toContain('Text aus dem Schnappschuss.');
      expect(body).toContain('Erster Stand und spätere Ergänzung.');
      expect(body).toContain('Text nur aus dem Protokoll.');
    } finally {
      pdf.remove();
    }
  });
});
