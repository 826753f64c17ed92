import type { Project, UploadedImage } from '@kapitel/domain';
import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { IMAGE_CLEANUP_LOCK } from '../../src/modules/images/image-cleanup.repository.js';
import { ImageCleanupService } from '../../src/modules/images/image-cleanup.service.js';
import { connectCollab, eventually, synced } from '../collab-client.js';
import { createProject, createSection, registerUser, type Person } from '../factories.js';
import { mustUpload, pngImage, readImage } from '../image-files.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { doc, paragraph, setContent, text } from './export-support.js';

/**
 * The hourly removal of unused images (docs/images.md, "Removing unused images"), run here
 * by calling the service; "old" is made by moving the rows' times back in the database.
 */
describe('removing unused images', () => {
  let app: TestApp;
  let colour = 0;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  const collect = () => app.app.get(ImageCleanupService).collect();
  const image = (src: string): JSONContent => ({
    type: 'image',
    attrs: { src, alt: 'Karte des Stadtgebiets' },
  });
  /** Every upload has bytes of its own (the same bytes would be the same image). */
  const upload = (person: Person, projectId: string): Promise<UploadedImage> => {
    colour += 1;
    return mustUpload(person, projectId, pngImage(4, 3, [colour % 256, Math.floor(colour / 256) % 256, 77]));
  };

  async function stored(imageId: string): Promise<boolean> {
    const { rows } = await app.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM images WHERE id = $1',
      [imageId],
    );
    return rows[0].n === 1;
  }

  /** Moves the project's images back by `days` (as if uploaded then). */
  async function ageImages(projectId: string, days = 40): Promise<void> {
    await app.db.query(
      `UPDATE images SET created_at = now() - make_interval(days => $2) WHERE project_id = $1`,
      [projectId, days],
    );
  }

  /** Moves every text change of the project (snapshots and the update log) back by `days`. */
  async function ageTexts(projectId: string, days = 40): Promise<void> {
    await app.db.query(
      `UPDATE section_documents d SET updated_at = now() - make_interval(days => $2) FROM sections s WHERE s.id = d.section_id AND s.project_id = $1`,
      [projectId, days],
    );
    await app.db.query(
      `UPDATE section_updates u SET created_at = now() - make_interval(days => $2) FROM sections s WHERE s.id = u.section_id AND s.project_id = $1`,
      [projectId, days],
    );
  }

  async function age(projectId: string): Promise<void> {
    await ageImages(projectId);
    await ageTexts(projectId);
  }

  async function projectWithLead(): Promise<{ lead: Person; project: Project }> {
    const lead = await registerUser(app, { name: 'Ida Bild' });
    return { lead, project: await createProject(lead) };
  }

  it('removes an old image that nothing names, keeps the one the text shows, and renews that', async () => {
    const { lead, project } = await projectWithLead();
    const [shown, unused] = [await upload(lead, project.id), await upload(lead, project.id)];
    const section = await createSection(lead, project.id);
    await setContent(app, section.id, doc(paragraph(text('Die Karte:')), image(shown.src)));
    await age(project.id);

    const result = await collect();

    expect(result).toMatchObject({ ran: true });
    expect(result.removed).toBeGreaterThanOrEqual(1);
    expect(await stored(unused.id)).toBe(false);
    expect((await readImage(lead, unused.src)).status).toBe(404);
    expect(await stored(shown.id)).toBe(true);
    expect((await readImage(lead, shown.src)).status).toBe(200);
    // Kept and renewed: the next runs leave it alone for another retention period.
    const { rows } = await app.db.query<{ young: boolean }>(
      `SELECT created_at > now() - interval '1 hour' AS young FROM images WHERE id = $1`,
      [shown.id],
    );
    expect(rows[0].young).toBe(true);
  });

  it('keeps an image only the update log names (not compacted yet), and removes it once the text no longer does', async () => {
    const { lead, project } = await projectWithLead();
    const uploaded = await upload(lead, project.id);
    const section = await createSection(lead, project.id);
    const logRows = async () =>
      (
        await app.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM section_updates WHERE section_id = $1',
          [section.id],
        )
      ).rows[0].n;
    const client = connectCollab(app.origin, lead, section.id);
    try {
      await synced(client);
      const fragment = client.doc.getXmlFragment('default');
      client.doc.transact(() => {
        const node = new Y.XmlElement('image');
        node.setAttribute('src', uploaded.src);
        node.setAttribute('alt', 'Karte');
        fragment.insert(fragment.length, [node]);
      });
      await eventually(async () => (await logRows()) > 0, 'the edit to be logged');
      const snapshot = await app.db.query<{ json: string }>(
        'SELECT json::text AS json FROM section_documents WHERE section_id = $1',
        [section.id],
      );
      expect(snapshot.rows.every((row) => !row.json.includes(uploaded.id))).toBe(true);
      await age(project.id);

      await collect();
      expect(await stored(uploaded.id)).toBe(true);

      // Deleted from the text: the log still holds the insertion, but the current text counts.
      const before = await logRows();
      client.doc.transact(() => fragment.delete(fragment.length - 1, 1));
      await eventually(async () => (await logRows()) > before, 'the deletion to be logged');
      await age(project.id);

      await collect();
      expect(await stored(uploaded.id)).toBe(false);
    } finally {
      client.destroy();
    }
  });

  it('keeps an image only a section in the trash shows', async () => {
    const { lead, project } = await projectWithLead();
    const uploaded = await upload(lead, project.id);
    const section = await createSection(lead, project.id);
    await setContent(app, section.id, doc(image(uploaded.src)));
    expect((await lead.client.delete(`/api/projects/${project.id}/sections/${section.id}`)).status).toBe(204);
    await age(project.id);

    await collect();

    expect(await stored(uploaded.id)).toBe(true);
  });

  it('keeps an image only a stored version shows (a restore brings it back)', async () => {
    const { lead, project } = await projectWithLead();
    const uploaded = await upload(lead, project.id);
    const section = await createSection(lead, project.id);
    await setContent(app, section.id, doc(paragraph(text('Mit Karte')), image(uploaded.src)));
    const version = await lead.client.post(`/api/projects/${project.id}/sections/${section.id}/versions`, {
      label: 'Mit Karte',
    });
    expect(version.status).toBe(201);
    await setContent(app, section.id, doc(paragraph(text('Ohne Karte'))));
    await age(project.id);

    await collect();

    expect(await stored(uploaded.id)).toBe(true);
  });

  it('keeps an image a comment names', async () => {
    const { lead, project } = await projectWithLead();
    const uploaded = await upload(lead, project.id);
    const section = await createSection(lead, project.id);
    const comment = await lead.client.post(`/api/projects/${project.id}/sections/${section.id}/comments`, {
      body: `Die Karte ${app.origin}${uploaded.src} gehört in Abschnitt 2`,
    });
    expect(comment.status).toBe(201);
    await age(project.id);

    await collect();

    expect(await stored(uploaded.id)).toBe(true);
  });

  it('keeps an unused image younger than the retention period', async () => {
    const { lead, project } = await projectWithLead();
    const young = await upload(lead, project.id);
    await app.db.query(`UPDATE images SET created_at = now() - interval '29 days' WHERE id = $1`, [young.id]);

    await collect();

    expect(await stored(young.id)).toBe(true);
  });

  it("keeps every old unused image while the project's texts are being changed, and removes it when they were left alone", async () => {
    const { lead, project } = await projectWithLead();
    const uploaded = await upload(lead, project.id);
    const section = await createSection(lead, project.id);
    await setContent(app, section.id, doc(paragraph(text('Das Bild wurde eben ausgeschnitten.'))));
    await ageImages(project.id);
    await app.db.query(
      "UPDATE section_documents SET updated_at = now() - interval '2 days' WHERE section_id = $1",
      [section.id],
    );

    await collect();
    expect(await stored(uploaded.id)).toBe(true);

    await age(project.id);
    await collect();
    expect(await stored(uploaded.id)).toBe(false);
  });

  it("counts only the image's own project: another project showing it does not keep it", async () => {
    const { lead, project } = await projectWithLead();
    const other = await createProject(lead);
    const uploaded = await upload(lead, project.id);
    const elsewhere = await createSection(lead, other.id);
    await setContent(app, elsewhere.id, doc(image(uploaded.src)));
    await age(project.id);
    await age(other.id);

    await collect();

    expect(await stored(uploaded.id)).toBe(false);
  });

  it('renews an old unused image when the same bytes are uploaded again (the upload is about to be used)', async () => {
    const { lead, project } = await projectWithLead();
    const bytes = pngImage(5, 5, [1, 2, 3]);
    const first = await mustUpload(lead, project.id, bytes);
    await age(project.id);

    const again = await mustUpload(lead, project.id, bytes);
    await collect();

    expect(again.id).toBe(first.id);
    expect(await stored(first.id)).toBe(true);
  });

  it('lets one process at a time collect: another run skips while the lock is held', async () => {
    const { lead, project } = await projectWithLead();
    const uploaded = await upload(lead, project.id);
    await age(project.id);
    const other = await app.db.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [IMAGE_CLEANUP_LOCK]);
      expect(await collect()).toEqual({ ran: false, removed: 0, bytes: 0, kept: 0 });
      expect(await stored(uploaded.id)).toBe(true);
      await other.query('SELECT pg_advisory_unlock($1)', [IMAGE_CLEANUP_LOCK]);
    } finally {
      other.release();
    }

    expect(await collect()).toMatchObject({ ran: true });
    expect(await stored(uploaded.id)).toBe(false);
  });
});
