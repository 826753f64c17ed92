import type { Editor } from '@tiptap/core';
import type { WebsocketProvider } from 'y-websocket';

/** A placeholder until the server stamps our presence with our own colour for the others. */
export const UNSTAMPED_COLOUR = '#4a5360';

/**
 * Another person's caret: a coloured bar, with their name above it for a moment (drawn by CSS
 * from `data-name`, so it is never part of the document's text). A new element shows the name
 * at once: ProseMirror draws one when the caret arrives or moves to another line.
 */
export function renderCaret(user: Record<string, unknown>, self: { id: string; label: string } | null = null): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collab-caret';
  caret.setAttribute('aria-hidden', 'true');
  // One's own caret in another tab or window is named so, not with one's name as if another person's.
  caret.dataset.name = self !== null && user.id === self.id ? self.label : typeof user.name === 'string' ? user.name : '';
  if (typeof user.id === 'string') {
    caret.dataset.user = user.id;
  }
  caret.dataset.shown = 'a';
  caret.style.setProperty('--caret-colour', typeof user.color === 'string' ? user.color : UNSTAMPED_COLOUR);
  return caret;
}

/**
 * Shows a person's name at their caret again whenever they type or move it (their presence
 * changes), and only briefly: a name that stayed would cover the line above. The CSS
 * animation that fades it out restarts when `data-shown` switches between two equal
 * animations. ProseMirror often keeps the caret's element when it moves within a line, so the
 * new element of renderCaret alone would not show it. Returns the unsubscribe.
 */
export function followCaretNames(editor: Editor, provider: WebsocketProvider): () => void {
  const { awareness } = provider;
  const onChange = ({ added, updated }: { added: number[]; updated: number[] }): void => {
    const ids = new Set<string>();
    for (const clientId of [...added, ...updated]) {
      const state: unknown = clientId === awareness.clientID ? null : awareness.getStates().get(clientId);
      const user: unknown = typeof state === 'object' && state !== null && 'user' in state ? state.user : null;
      const id: unknown = typeof user === 'object' && user !== null && 'id' in user ? user.id : null;
      if (typeof id === 'string') {
        ids.add(id);
      }
    }
    if (ids.size === 0 || editor.isDestroyed) {
      return;
    }
    // After ProseMirror has drawn the carets anew for this change.
    requestAnimationFrame(() => {
      if (editor.isDestroyed) {
        return;
      }
      for (const caret of editor.view.dom.querySelectorAll<HTMLElement>('.collab-caret[data-user]')) {
        if (caret.dataset.user !== undefined && ids.has(caret.dataset.user)) {
          caret.dataset.shown = caret.dataset.shown === 'a' ? 'b' : 'a';
        }
      }
    });
  };
  awareness.on('change', onChange);
  return () => {
    awareness.off('change', onChange);
  };
}
