import type { CommentAnchor } from '@kapitel/domain';
import type { PassagePlace } from './utils/thread-order';

/** The passage selected in the text, ready to be commented on. */
export interface SelectedPassage {
  anchor: CommentAnchor;
  /** The text the anchor covers. */
  quote: string;
  /**
   * The selection went beyond one paragraph (or line): an anchor lies in one piece of
   * text, so only the part in the first one is commented on.
   */
  clipped: boolean;
}

/** How the composer is asked for: `suggest` begins a suggested change ("Vorschlagen" at the selection). */
export interface ComposeRequest {
  suggest: boolean;
}

/** A thread to mark in the text. */
export interface Highlight {
  id: string;
  anchor: CommentAnchor;
}

/**
 * What the comments sidebar needs from the live editor, which implements it (the editor
 * owns Tiptap, ProseMirror and the Yjs document; the sidebar owns threads and their
 * words). An external store: `subscribe`/`getVersion` tell React when text, selection or
 * loading changed.
 */
export interface CommentEditorPort {
  subscribe: (listener: () => void) => () => void;
  /** Grows with every change of text, selection or loading state. */
  getVersion: () => number;
  /** The stored document has arrived, so places are known. */
  isLoaded: () => boolean;
  /** The text can be edited (a click into it is for writing, not for reading comments). */
  isEditable: () => boolean;
  /** The passage selected in the text now, or null when nothing (no text) is selected. */
  selectedPassage: () => SelectedPassage | null;
  /** Where the passage of `anchor` lies now. */
  place: (anchor: CommentAnchor) => PassagePlace;
  /** The threads to mark in the text and the one to show as current (marked even when resolved). */
  setHighlights: (highlights: readonly Highlight[], currentId: string | null) => void;
  /**
   * The anchor anew when an undo in this editor brought back its deleted passage (only the
   * undoing editor can tell: docs/comments.md, "Anchors"); null otherwise.
   */
  restoredAnchor: (anchor: CommentAnchor) => CommentAnchor | null;
  /** Grows with every undo and redo in this editor: only they can bring back a deleted passage. */
  undoCount: () => number;
  /** Scrolls to the passage and selects it; false when it is not in the text. */
  reveal: (anchor: CommentAnchor) => boolean;
  /** Someone clicked into the marked passage of these threads (innermost first). */
  onHighlightClick: (listener: (threadIds: readonly string[]) => void) => () => void;
  /** The shortcut (Ctrl+Alt+M) or a button at the selection asked to comment on it (or suggest a change). */
  onComposeRequest: (listener: (request: ComposeRequest) => void) => () => void;
}
