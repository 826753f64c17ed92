import type { Page } from 'playwright-core';

/**
 * Selects `phrase` in the section's text with the mouse, as a reader does: pressed at its
 * first character, dragged to its last. (The page is evaluated from strings: the tests have
 * no DOM types.)
 */
export async function selectWithMouse(page: Page, phrase: string): Promise<void> {
  const box = await page.evaluate<{ x1: number; y1: number; x2: number; y2: number } | null>(`(() => {
    const root = document.querySelector('.ProseMirror');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent.indexOf(${JSON.stringify(phrase)});
      if (index < 0) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + ${String(phrase.length)});
      const rects = range.getClientRects();
      const first = rects[0];
      const last = rects[rects.length - 1];
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    return null;
  })()`);
  if (box === null) {
    throw new Error(`"${phrase}" is not in the text`);
  }
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}
