import { searchQueryProblem } from '@kapitel/domain';
import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { matchesInDocument, type DocumentMatch } from './search-places';
import { afterDispatch } from './after-dispatch';

/** The marks drawn, and where the current match starts (moved along with every edit). */
interface MarksState {
  set: DecorationSet;
  anchor: number | null;
}

const searchKey = new PluginKey<MarksState>('searchMarks');

/** How many matches the text holds and which one is current (0-based; -1 without matches). */
export interface SearchStatus {
  readonly count: number;
  readonly current: number;
  /** Counted in the stored text (not in the empty one before it arrived). */
  readonly counted: boolean;
}

const NOT_COUNTED: SearchStatus = { count: 0, current: -1, counted: false };

/** Which match becomes current: the first, the one the current one became, or the one after or before it. */
export type Step = 'first' | 'follow' | 'next' | 'previous';

type Listener = () => void;

/** What a set of marks looks like, for telling whether it changed. */
function signatureOf(decorations: readonly Decoration[], anchor: number | null): string {
  const marks = decorations
    .map(
      (decoration) =>
        `${String(decoration.from)}-${String(decoration.to)}${(decoration.spec as { current: boolean }).current ? '*' : ''}`,
    )
    .sort();
  return `${String(anchor)} ${marks.join(' ')}`;
}

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Where `anchor` stands after `tr`, found by comparing the documents before and after rather
 * than through the transaction's mapping: y-prosemirror applies a collaborator's edit as one
 * replacement of the whole document, which maps every position to its end. Before the changed
 * stretch a position stays, after it it moves by the change in length, inside it it goes to
 * the stretch's start.
 */
export function movedAnchor(tr: Transaction, anchor: number): number {
  const before = tr.before.content;
  const start = before.findDiffStart(tr.doc.content);
  const end = before.findDiffEnd(tr.doc.content);
  if (start === null || end === null || anchor < start) {
    return anchor;
  }
  // Repeated characters ("aa" to "aaa") let the two ends overlap: count the change from `start`.
  const overlap = Math.max(0, start - Math.min(end.a, end.b));
  const oldEnd = end.a + overlap;
  const newEnd = end.b + overlap;
  return anchor >= oldEnd ? anchor + newEnd - oldEnd : start;
}

/** The query to mark: trimmed, and null when the search would refuse it (a link with a mangled `?q=`). */
export function markableQuery(query: string | null): string | null {
  const trimmed = query?.trim() ?? '';
  return trimmed !== '' && searchQueryProblem(trimmed) === null ? trimmed : null;
}

/** The first match starting at or after `anchor` (after it for 'next'), the last before it for 'previous'; wrapping round. */
export function stepped(matches: readonly DocumentMatch[], anchor: number | null, step: Step): number {
  const starts = matches.map((pieces) => pieces[0]?.from ?? 0);
  if (step === 'first' || anchor === null) {
    return 0;
  }
  if (step === 'previous') {
    const before = starts.findLastIndex((start) => start < anchor);
    return before === -1 ? starts.length - 1 : before;
  }
  const after = starts.findIndex((start) => (step === 'next' ? start > anchor : start >= anchor));
  if (after !== -1) {
    return after;
  }
  // Past the last match: "next" starts over at the top; the current one, deleted at the end, is the last one left.
  return step === 'next' ? 0 : starts.length - 1;
}

/**
 * The report search's matches in the open section (a section opened from a search result):
 * every match of the query marked with a ProseMirror decoration, so that nothing is written
 * into the document and collaborators see nothing; the current one marked apart and scrolled
 * into view. Found with the search's own rule (search-places.ts), recomputed after every
 * change of the text, which also moves the current match along with the edits around it.
 */
export class SearchMarks {
  private editor: Editor | null = null;
  private query: string | null = null;
  private loaded = false;
  // Until the text has arrived and shown a match, the first one is still to be scrolled to.
  private revealPending = false;
  private readonly queueRefresh = afterDispatch(() => {
    this.update('follow');
  });
  private status: SearchStatus = NOT_COUNTED;
  private readonly listeners = new Set<Listener>();

  /** The Tiptap extension that draws the marks; part of the editor from its creation. */
  extension(): Extension {
    return Extension.create({
      name: 'searchMarks',
      addProseMirrorPlugins: () => [
        new Plugin<MarksState>({
          key: searchKey,
          state: {
            init: () => ({ set: DecorationSet.empty, anchor: null }),
            apply: (tr, marks) => {
              const replaced = tr.getMeta(searchKey) as MarksState | undefined;
              if (replaced !== undefined) {
                return replaced;
              }
              if (!tr.docChanged) {
                return marks;
              }
              // Until the marks are found anew (right after this transaction), the old ones move along.
              return {
                set: marks.set.map(tr.mapping, tr.doc),
                anchor: marks.anchor === null ? null : movedAnchor(tr, marks.anchor),
              };
            },
          },
          props: {
            decorations: (state) => searchKey.getState(state)?.set,
          },
          view: () => ({
            update: (view, previous) => {
              if (!view.state.doc.eq(previous.doc)) {
                this.queueRefresh();
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
    this.queueRefresh();
  }

  destroy(): void {
    this.editor = null;
    this.listeners.clear();
  }

  /**
   * The query to mark (as the search's address gives it), or null for none. One the search
   * would refuse marks nothing. A new query marks its first match and scrolls to it.
   */
  setQuery(query: string | null): void {
    const valid = markableQuery(query);
    if (valid === this.query) {
      return;
    }
    this.query = valid;
    this.revealPending = valid !== null;
    this.update('first');
  }

  /** The stored document arrived (or the session started over): the first match can be shown now. */
  setLoaded(loaded: boolean): void {
    if (this.loaded !== loaded) {
      this.loaded = loaded;
      this.queueRefresh();
    }
  }

  /** Makes the next match current (after the last: the first) and scrolls to it. */
  next(): void {
    this.update('next', true);
  }

  /** Makes the match before current (before the first: the last) and scrolls to it. */
  previous(): void {
    this.update('previous', true);
  }

  /** Where the current match starts in the document, null without one. */
  currentStart(): number | null {
    const view = this.view();
    return view === null ? null : (searchKey.getState(view.state)?.anchor ?? null);
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getStatus = (): SearchStatus => this.status;

  private view(): EditorView | null {
    const editor = this.editor;
    return editor === null || editor.isDestroyed || !editor.isInitialized ? null : editor.view;
  }

  /** Finds the matches in the current text, makes the one `step` says current, draws them, and scrolls when asked or still to do. */
  private update(step: Step, reveal = false): void {
    const view = this.view();
    if (view === null) {
      return;
    }
    const matches = this.query === null ? [] : matchesInDocument(view.state.doc, this.query);
    const marks = searchKey.getState(view.state);
    const current = matches.length === 0 ? -1 : stepped(matches, marks?.anchor ?? null, step);
    const decorations = matches.flatMap((pieces, index) =>
      pieces.map((piece) => {
        const attrs = { class: index === current ? 'search-mark search-mark--current' : 'search-mark' };
        const spec = { current: index === current };
        return piece.leaf
          ? Decoration.node(piece.from, piece.to, attrs, spec)
          : Decoration.inline(piece.from, piece.to, attrs, spec);
      }),
    );
    const anchor = current === -1 ? null : (matches[current]?.[0]?.from ?? null);
    // Equal marks are not dispatched again: every dispatch would redraw them (and disturb typing).
    if (
      marks === undefined ||
      signatureOf(marks.set.find(), marks.anchor) !== signatureOf(decorations, anchor)
    ) {
      view.dispatch(
        view.state.tr.setMeta(searchKey, { set: DecorationSet.create(view.state.doc, decorations), anchor }),
      );
    }
    this.setStatus({ count: matches.length, current, counted: this.loaded && this.query !== null });
    if (current !== -1 && (reveal || (this.revealPending && this.loaded))) {
      this.revealPending = false;
      this.reveal(view);
    }
  }

  private reveal(view: EditorView): void {
    const mark = view.dom.querySelector('.search-mark--current');
    mark?.scrollIntoView({ block: 'center', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  }

  private setStatus(status: SearchStatus): void {
    const { count, current, counted } = this.status;
    if (status.count === count && status.current === current && status.counted === counted) {
      return;
    }
    this.status = status;
    this.listeners.forEach((listener) => {
      listener();
    });
  }
}
