import { randomUUID } from 'node:crypto';
import { DEFAULT_COLLAB_LIMITS } from '@kapitel/collab';
import type { Section } from '@kapitel/domain';
import { createProject, createSection, registerUser } from '../../apps/server/test/factories.js';
import { describeInBrowser } from './browser.js';
import { browserSuite } from './suite.js';

const MAX_FRAME_BYTES = 64 * 1024;

describeInBrowser('an edit beyond the server’s frame limit, in Chromium', () => {
  const suite = browserSuite({ server: { collab: { ...DEFAULT_COLLAB_LIMITS, maxFrameBytes: MAX_FRAME_BYTES } } });
  const { pageOf } = suite;

  it('says the pasted text was too large, and does not reconnect to send it again and again', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: `Grenzen ${randomUUID().slice(0, 4)}` });
    const section: Section = await createSection(lead, project.id, { title: 'Anhang' });
    const page = await pageOf(lead);
    let sockets = 0;
    page.on('websocket', () => {
      sockets += 1;
    });
    await page.goto(`${suite.app.origin}/projects/${project.id}/sections/${section.id}`);
    const text = page.getByRole('textbox', { name: 'Text des Abschnitts „Anhang“' });
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    expect(sockets).toBe(1);

    // A paste of twice the frame limit, as the clipboard would hand it to the editor.
    await text.focus();
    const long = 'Langer Text aus einer anderen Quelle. '.repeat((2 * MAX_FRAME_BYTES) / 38);
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/plain', ${JSON.stringify(long)});
      document.querySelector('.ProseMirror').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);

    await page.getByText('Ihre letzte Änderung war zu groß, um sie zu übertragen', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Gespeicherten Stand laden' }).waitFor();
    expect(await text.getAttribute('contenteditable')).toBe('false');
    // Over two seconds: the client stays away rather than sending the same frame again.
    await page.waitForTimeout(2000);
    expect(sockets).toBe(1);
  }, 30_000);
});
