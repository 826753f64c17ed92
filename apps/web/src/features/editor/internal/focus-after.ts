const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/**
 * Moves the focus to the first control after `element` (outside it) that Tab would reach,
 * and returns whether there was one. The editor's way out for the keyboard: inside a table
 * Tab moves between cells and never leaves the text.
 */
export function focusAfter(element: HTMLElement): boolean {
  for (const candidate of element.ownerDocument.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    const follows = (element.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    if (follows && !element.contains(candidate) && candidate.getClientRects().length > 0) {
      candidate.focus();
      return true;
    }
  }
  return false;
}

/**
 * Moves the focus from the text to its toolbar's tool that Tab would reach (the one last
 * used: the toolbar keeps one tab stop), and returns whether there was one. A read-only
 * text has no toolbar.
 */
export function focusToolbar(text: HTMLElement): boolean {
  const tool = text.closest('.section-editor')?.querySelector<HTMLElement>('[role="toolbar"] [tabindex="0"]');
  if (tool === null || tool === undefined) {
    return false;
  }
  tool.focus();
  return true;
}
