import type { Editor } from '@tiptap/core';
import { useCallback, useState } from 'react';
import type { FootnoteAt } from '../internal/footnote-view';
import { selectedFootnote, type FootnoteRequest } from '../internal/footnotes';
import { FootnoteDialog } from './footnote-dialog';
import { FootnoteList } from './footnote-list';
import './footnotes.css';

export interface Footnotes {
  request: FootnoteRequest | null;
  /** The toolbar's button: edits the selected footnote, or writes a new one at the cursor. */
  open: () => void;
  edit: (note: FootnoteAt) => void;
  close: () => void;
}

/** Which footnote dialog is open, if any. */
export function useFootnotes(editor: Editor): Footnotes {
  const [request, setRequest] = useState<FootnoteRequest | null>(null);
  const open = useCallback(() => {
    const selected = selectedFootnote(editor);
    setRequest(selected === null ? { mode: 'insert' } : { mode: 'edit', ...selected });
  }, [editor]);
  const edit = useCallback((note: FootnoteAt) => {
    setRequest({ mode: 'edit', ...note });
  }, []);
  const close = useCallback(() => {
    setRequest(null);
  }, []);
  return { request, open, edit, close };
}

export interface FootnoteAreaProps {
  editor: Editor;
  footnotes: Footnotes;
  language: string;
  editable: boolean;
}

/** Below the text: its footnotes, the dialog that writes one, and what was done, for screen readers. */
export function FootnoteArea({ editor, footnotes, language, editable }: FootnoteAreaProps) {
  const [said, setSaid] = useState('');
  return (
    <>
      <div role="status" className="visually-hidden">
        {said}
      </div>
      <FootnoteList editor={editor} language={language} onEdit={editable ? footnotes.edit : null} />
      {footnotes.request !== null && editable ? (
        <FootnoteDialog
          editor={editor}
          request={footnotes.request}
          onClose={(done) => {
            footnotes.close();
            setSaid(done ?? '');
          }}
        />
      ) : null}
    </>
  );
}
