import type { Page } from 'playwright-core';

/** Where the helpers fire their events: the editor's text. */
const EDITOR = '.ProseMirror';

export interface ClipboardFile {
  name: string;
  type: string;
  base64: string;
}

export const asFile = (name: string, bytes: Buffer, type = 'image/png'): ClipboardFile => ({ name, type, base64: bytes.toString('base64') });

/**
 * Fires a paste (or a drop at the middle of the text) carrying HTML and files, as the
 * browser does for the clipboard or a dragged file. Written as page source: the tests have no DOM types.
 */
export async function transfer(page: Page, kind: 'paste' | 'drop', content: { html?: string; files?: ClipboardFile[] }): Promise<void> {
  await page.evaluate(`(() => {
    const content = ${JSON.stringify(content)};
    const data = new DataTransfer();
    if (content.html) data.setData('text/html', content.html);
    for (const file of content.files ?? []) {
      const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
      data.items.add(new File([bytes], file.name, { type: file.type }));
    }
    const target = document.querySelector('${EDITOR}');
    const box = target.getBoundingClientRect();
    const event = '${kind}' === 'paste'
      ? new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
      : new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, clientX: box.left + 40, clientY: box.bottom - 20 });
    target.dispatchEvent(event);
  })()`);
}

/** What became of a file dragged onto the text from outside the browser and let go there. */
export interface DropOutcome {
  /** The page took the dragover (cancelled it); left alone, the browser decides what a drop does. */
  dragoverTaken: boolean;
  /** What the pointer says a drop would do ('none': the browser lets nothing drop there). */
  dropEffect: string;
  /** Whether the drop reached the page; the browser holds it back where dropping is refused. */
  dropFired: boolean;
}

/**
 * Drags the file at `path` from outside the browser (as from the file manager) onto the
 * middle of the text and lets go, through Chromium's own drag and drop. Left to the
 * browser, such a drop opens the file in place of the app.
 */
export async function dragFileOnto(page: Page, path: string): Promise<DropOutcome> {
  await page.evaluate(`(() => {
    window.__dropOutcome = { dragoverTaken: false, dropEffect: '', dropFired: false };
    // Last to hear of each event: what the editor did with it is settled by then.
    window.addEventListener('dragover', (event) => {
      window.__dropOutcome.dragoverTaken = event.defaultPrevented;
      window.__dropOutcome.dropEffect = event.dataTransfer.dropEffect;
    });
    window.addEventListener('drop', () => { window.__dropOutcome.dropFired = true; });
  })()`);
  const box = await page.locator(EDITOR).boundingBox();
  if (box === null) {
    throw new Error('the text has no box to drop onto');
  }
  const cdp = await page.context().newCDPSession(page);
  const at = { x: box.x + 40, y: box.y + box.height / 2 };
  const data = { items: [], files: [path], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
    await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
  }
  await cdp.detach();
  return page.evaluate<DropOutcome>('window.__dropOutcome');
}

/** Fires a drop of `file` at the text even so (another browser may): whether the page kept it from the browser. */
export async function dropTaken(page: Page, file: ClipboardFile): Promise<boolean> {
  return page.evaluate<boolean>(`(() => {
    const file = ${JSON.stringify(file)};
    const data = new DataTransfer();
    data.items.add(new File([Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0))], file.name, { type: file.type }));
    const target = document.querySelector('${EDITOR}');
    const box = target.getBoundingClientRect();
    const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, clientX: box.left + 40, clientY: box.top + box.height / 2 });
    return !target.dispatchEvent(drop);
  })()`);
}
