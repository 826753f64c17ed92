import type { Page } from 'playwright-core';

/**
 * Fires a paste into the section's text carrying `text/html` (and `text/rtf`, when given), as
 * Chromium does for a copy from Word or Writer: the editor's own paste handling takes it.
 */
export async function pasteInto(page: Page, content: { html: string; rtf?: string }): Promise<void> {
  await page.evaluate(`(() => {
    const content = ${JSON.stringify(content)};
    const data = new DataTransfer();
    data.setData('text/html', content.html);
    if (content.rtf) data.setData('text/rtf', content.rtf);
    document.querySelector('.ProseMirror').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
}
