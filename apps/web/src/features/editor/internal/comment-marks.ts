import type { CommentAnchor } from '@kapitel/domain';
import { restoredAnchor, SECTION_FRAGMENT } from '@kapitel/editor';
import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import type { CommentEditorPort, ComposeRequest, Highlight, PassagePlace, SelectedPassage } from '../../comments';
import { anchorForSelection, placeOfAnchor } from './passage-anchors';
import { afterDispatch } from './after-dispatch';

const highlightKey = new PluginKey<DecorationSet>('commentHighlights');

type Listener = () => void;

/** Ctrl+Alt+M (Cmd+Option+M on a Mac), as in other word processors; by key position, since Alt changes the character. */
function isComposeShortcut(event: KeyboardEvent): boolean {
  return event.code === 'KeyM' && event.altKey && (event.ctrlKey || event.metaKey) && !event.shiftKey;
}

/** What a set of marks looks like, for telling whether it changed. */
function signatureOf(decorations: readonly Decoration[]): string {
  return decorations
    .map((decoration) => {
      const spec = decoration.spec as { threadId: string; current: boolean };
      return `${spec.threadId}:${String(decoration.from)}-${String(decoration.to)}${spec.current ? '*' : ''}`;
    })
    .sort()
    .join(' ');
}

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * The comments' side of the live editor (the `CommentEditorPort` the sidebar talks to):
 * marks the passages of open threads in the text with ProseMirror decorations, computed
 * from their anchors whenever the text changes and carried along by each transaction in
 * between; turns the selection into an anchor; reveals passages; reports clicks into
 * marked passages and the "comment" shortcut.
 *
 * The marks are computed after a transaction, never inside one: for one's own typing
 * ProseMirror changes first and the Yjs document follows in the same dispatch, so only
 * afterwards do both agree.
 */
/** The height of the small "Kommentieren" button and a gap of 4 px to the line it stands above. */
const BUTTON_ROOM = 40;

export class CommentMarks implements CommentEditorPort {
  private readonly fragment: Y.XmlFragment;
  private editor: Editor | null = null;
  private highlights: readonly Highlight[] = [];
  private currentId: string | null = null;
  private loaded = false;
  private version = 0;
  private undos = 0;
  private readonly queueRefresh = afterDispatch(() => {
    this.refresh();
  });
  private notifyQueued = false;
  private readonly places = new Map<string, PassagePlace>();
  private readonly listeners = new Set<Listener>();
  private readonly clickListeners = new Set<(threadIds: readonly string[]) => void>();
  private readonly composeListeners = new Set<(request: ComposeRequest) => void>();

  constructor(private readonly doc: Y.Doc) {
    this.fragment = doc.getXmlFragment(SECTION_FRAGMENT);
  }

  /** The Tiptap extension that draws the marks; part of the editor from its creation. */
  extension(): Extension {
    return Extension.create({
      name: 'commentMarks',
      addProseMirrorPlugins: () => [
        // Counts undos and redos: only they can bring back a commented passage (`restoredAnchor`).
        new Plugin({
          appendTransaction: (transactions) => {
            if (transactions.some(isUndoOrRedo)) {
              this.undos += 1;
            }
            return null;
          },
        }),
        new Plugin<DecorationSet>({
          key: highlightKey,
          state: {
            init: () => DecorationSet.empty,
            apply: (tr, set) => {
              const replaced = tr.getMeta(highlightKey) as DecorationSet | undefined;
              return replaced ?? set.map(tr.mapping, tr.doc);
            },
          },
          props: {
            decorations: (state) => highlightKey.getState(state),
            handleDOMEvents: {
              click: (view, event) => {
                this.clicked(view, event);
                return false;
              },
            },
          },
          view: () => ({
            update: (view, previous) => {
              if (!view.state.doc.eq(previous.doc)) {
                this.queueRefresh();
              } else if (!view.state.selection.eq(previous.selection)) {
                this.queueNotify();
              }
            },
          }),
        }),
      ],
    });
  }

  /** Starts following the editor (after it was created with `extension()`). */
  attach(editor: Editor): void {
    this.editor = editor;
    window.addEventListener('keydown', this.onKeyDown);
    document.addEventListener('selectionchange', this.onSelectionChange);
    this.queueRefresh();
  }

  destroy(): void {
    window.removeEventListener('keydown', this.onKeyDown);
    document.removeEventListener('selectionchange', this.onSelectionChange);
    this.editor = null;
    this.listeners.clear();
    this.clickListeners.clear();
    this.composeListeners.clear();
  }

  /** The stored document arrived (or the session started over): places can be known now. */
  setLoaded(loaded: boolean): void {
    if (this.loaded !== loaded) {
      this.loaded = loaded;
      this.queueRefresh();
    }
  }

  /**
   * Asks the sidebar to open its composer for the selected passage (the buttons at the
   * selection); `suggest` opens it with a suggested change begun.
   */
  requestCompose(request: ComposeRequest = { suggest: false }): void {
    this.composeListeners.forEach((listener) => {
      listener(request);
    });
  }

  /**
   * Where to draw the "comment" button for the selection, relative to `container`: above the
   * line the selection starts on, so that it covers neither the passage nor the lines the
   * reader goes on to; below the selection's end where there is no room above (the first
   * line). Null without a selection the user is making in the text now.
   */
  selectionCorner(container: HTMLElement): { left: number; top: number } | null {
    const view = this.view();
    if (view === null || view.state.selection.empty || !this.domSelectionInText(view)) {
      return null;
    }
    try {
      const box = container.getBoundingClientRect();
      const start = view.coordsAtPos(view.state.selection.from);
      if (start.top - box.top >= BUTTON_ROOM) {
        return { left: Math.max(0, start.left - box.left), top: start.top - box.top - BUTTON_ROOM };
      }
      const end = view.coordsAtPos(view.state.selection.to);
      return { left: Math.max(0, end.left - box.left), top: end.bottom - box.top + 6 };
    } catch {
      return null;
    }
  }

  // --- CommentEditorPort -------------------------------------------------------------

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getVersion = (): number => this.version;

  isLoaded = (): boolean => this.loaded;

  isEditable = (): boolean => this.editor?.isEditable ?? false;

  /**
   * Only a selection one can see counts: ProseMirror keeps its last selection when a reader
   * clicks elsewhere on the page (or when `reveal` chose a passage without focus).
   */
  selectedPassage = (): SelectedPassage | null => {
    const view = this.view();
    if (view === null || (!view.hasFocus() && !this.domSelectionInText(view))) {
      return null;
    }
    return anchorForSelection(view.state, this.doc, this.fragment);
  };

  place = (anchor: CommentAnchor): PassagePlace => {
    const state = this.state();
    if (state === null || !this.loaded) {
      return 'unknown';
    }
    const key = `${anchor.start} ${anchor.end}`;
    let place = this.places.get(key);
    if (place === undefined) {
      place = placeOfAnchor(state, this.doc, this.fragment, anchor);
      this.places.set(key, place);
    }
    return place;
  };

  restoredAnchor = (anchor: CommentAnchor): CommentAnchor | null => (this.loaded ? restoredAnchor(this.doc, anchor) : null);

  undoCount = (): number => this.undos;

  setHighlights = (highlights: readonly Highlight[], currentId: string | null): void => {
    this.highlights = highlights;
    this.currentId = currentId;
    this.queueRefresh();
  };

  reveal = (anchor: CommentAnchor): boolean => {
    const view = this.view();
    const place = this.place(anchor);
    if (view === null || this.editor === null || typeof place === 'string') {
      return false;
    }
    this.editor.commands.setTextSelection({ from: place.from, to: place.to });
    const { node } = view.domAtPos(place.from);
    const element = node instanceof Element ? node : node.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    return true;
  };

  onHighlightClick = (listener: (threadIds: readonly string[]) => void): (() => void) => {
    this.clickListeners.add(listener);
    return () => {
      this.clickListeners.delete(listener);
    };
  };

  onComposeRequest = (listener: (request: ComposeRequest) => void): (() => void) => {
    this.composeListeners.add(listener);
    return () => {
      this.composeListeners.delete(listener);
    };
  };

  // --- internals ---------------------------------------------------------------------

  private view(): EditorView | null {
    const editor = this.editor;
    return editor === null || editor.isDestroyed || !editor.isInitialized ? null : editor.view;
  }

  private state(): EditorState | null {
    const editor = this.editor;
    return editor === null || editor.isDestroyed ? null : editor.state;
  }

  private domSelectionInText(view: EditorView): boolean {
    const selection = document.getSelection();
    return (
      selection !== null &&
      !selection.isCollapsed &&
      selection.anchorNode !== null &&
      selection.focusNode !== null &&
      view.dom.contains(selection.anchorNode) &&
      view.dom.contains(selection.focusNode)
    );
  }

  private queueNotify(): void {
    if (this.notifyQueued) {
      return;
    }
    this.notifyQueued = true;
    queueMicrotask(() => {
      this.notifyQueued = false;
      this.notify();
    });
  }

  private notify(): void {
    this.version += 1;
    this.places.clear();
    this.listeners.forEach((listener) => {
      listener();
    });
  }

  /** Places every thread anew and redraws the marks when they differ from the ones drawn. */
  private refresh(): void {
    const view = this.view();
    this.notify();
    if (view === null) {
      return;
    }
    const decorations: Decoration[] = [];
    for (const highlight of this.highlights) {
      const place = this.place(highlight.anchor);
      if (typeof place === 'string') {
        continue;
      }
      const current = highlight.id === this.currentId;
      decorations.push(
        Decoration.inline(
          place.from,
          place.to,
          { class: current ? 'comment-mark comment-mark--current' : 'comment-mark' },
          { threadId: highlight.id, current },
        ),
      );
    }
    // Equal marks are not dispatched again: every dispatch would redraw them (and disturb typing).
    const drawn = highlightKey.getState(view.state)?.find() ?? [];
    if (signatureOf(drawn) === signatureOf(decorations)) {
      return;
    }
    view.dispatch(view.state.tr.setMeta(highlightKey, DecorationSet.create(view.state.doc, decorations)));
  }

  private clicked(view: EditorView, event: MouseEvent): void {
    // The end of selecting text with the mouse is a click too; that one is for commenting.
    if (this.domSelectionInText(view)) {
      return;
    }
    const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
    const set = highlightKey.getState(view.state);
    if (at === null || set === undefined) {
      return;
    }
    const hits = set
      .find(at.pos, at.pos)
      .filter((decoration) => decoration.from <= at.pos && at.pos <= decoration.to)
      .sort((a, b) => a.to - a.from - (b.to - b.from))
      .map((decoration) => (decoration.spec as { threadId: string }).threadId);
    if (hits.length > 0) {
      this.clickListeners.forEach((listener) => {
        listener(hits);
      });
    }
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const view = this.view();
    if (view === null || !isComposeShortcut(event)) {
      return;
    }
    const target = event.target instanceof Node ? event.target : null;
    if ((target !== null && view.dom.contains(target)) || this.domSelectionInText(view)) {
      event.preventDefault();
      this.requestCompose();
    }
  };

  private readonly onSelectionChange = (): void => {
    this.queueNotify();
  };
}

/** Whether `tr` draws an undo or redo of the Yjs undo manager (y-tiptap marks those). */
function isUndoOrRedo(tr: Transaction): boolean {
  const meta: unknown = tr.getMeta(ySyncPluginKey);
  return typeof meta === 'object' && meta !== null && 'isUndoRedoOperation' in meta && meta.isUndoRedoOperation === true;
}
