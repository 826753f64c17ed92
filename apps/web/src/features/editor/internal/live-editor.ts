import type { Language } from '@kapitel/domain';
import { editorExtensions, SECTION_FRAGMENT } from '@kapitel/editor';
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { Translate } from '../../../i18n';
import { checkSession } from '../../auth';
import { CaretInPlace } from './caret-in-place';
import { followCaretNames, renderCaret, UNSTAMPED_COLOUR } from './caret-names';
import { CollabSession, collabUrl } from './collab-session';
import { CommentMarks } from './comment-marks';
import { EmptyHint } from './empty-hint';
import { FigureIds } from './figure-ids';
import { withEditorCitation } from './citation-view';
import { withEditorFigureRef } from './figure-ref-view';
import { withEditorFootnote } from './footnote-view';
import { ImageUploads } from './image-uploads';
import { ReadOnlyCaret } from './read-only-caret';
import { ReadOnlyGuard } from './read-only-guard';
import { withEditorSectionRef } from './section-ref-view';
import { SearchMarks } from './search-marks';
import { withTableCaptions } from './table-captions';
import { TableComfort } from './tables';
import { Typography } from './typography';
import { WordStructure } from './word-structure';

/** How often a lost connection may ask whether the session still holds. */
const SESSION_CHECK_MS = 10_000;

/** One live editor of a section: the Yjs session, Tiptap bound to it, and the parts that follow it. */
export interface LiveEditor {
  /** Distinguishes one editor instance from the next (a new section, or starting over). */
  id: number;
  session: CollabSession;
  editor: Editor;
  marks: CommentMarks;
  images: ImageUploads;
  search: SearchMarks;
  /** Stops all of it: the editor first, as it still talks to the document while it goes. */
  destroy: () => void;
}

let started = 0;

/**
 * Connects to the section's document and builds its editor, read-only until the page says
 * otherwise (once the stored text has arrived). `t` is read at every use, so that the footnote
 * markers' spoken names and the empty text's hint follow a language switch (the editor
 * outlives it).
 */
export function startLiveEditor(options: {
  projectId: string;
  sectionId: string;
  userId: string;
  userName: string;
  t: { readonly current: Translate };
  /** The report's language, read as one types (its quotes). */
  language: { readonly current: Language };
}): LiveEditor {
  const { projectId, sectionId, userId, userName, t, language } = options;
  // y-websocket retries every few seconds; the session needs asking at most every ten.
  let checkedAt = 0;
  const session = new CollabSession(collabUrl(), sectionId, () => {
    if (Date.now() - checkedAt > SESSION_CHECK_MS) {
      checkedAt = Date.now();
      void checkSession();
    }
  });
  const marks = new CommentMarks(session.doc);
  const images = new ImageUploads(projectId);
  const search = new SearchMarks();
  const editor = new Editor({
    extensions: [
      ...withTableCaptions(
        withEditorCitation(
          withEditorFigureRef(
            withEditorSectionRef(withEditorFootnote(editorExtensions(), (number) => t.current('footnotes.marker', { number }))),
          ),
        ),
      ),
      FigureIds,
      Collaboration.configure({ document: session.doc, field: SECTION_FRAGMENT }),
      CollaborationCaret.configure({
        provider: session.provider,
        // The server overwrites `user` with the signed-in identity; this only makes the caret render.
        user: { name: userName, color: UNSTAMPED_COLOUR },
        render: (user: Record<string, unknown>) => renderCaret(user, { id: userId, label: t.current('editor.youElsewhere') }),
      }),
      CaretInPlace,
      ReadOnlyCaret,
      ReadOnlyGuard,
      TableComfort,
      Typography.configure({ language: () => language.current }),
      WordStructure,
      EmptyHint.configure({ text: () => t.current('editor.emptyHint') }),
      marks.extension(),
      ...images.extensions(),
      search.extension(),
    ],
    editable: false,
  });
  marks.attach(editor);
  images.attach(editor);
  search.attach(editor);
  const stopCaretNames = followCaretNames(editor, session.provider);
  started += 1;
  return {
    id: started,
    session,
    editor,
    marks,
    images,
    search,
    destroy: () => {
      stopCaretNames();
      marks.destroy();
      images.destroy();
      search.destroy();
      editor.destroy();
      session.destroy();
    },
  };
}
