import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useId } from 'react';
import { useI18n } from '../../../i18n';
import { Button } from '../../../ui';
import { numberedFootnotes, type FootnoteAt } from '../internal/footnote-view';
import { FootnoteText } from '../../footnotes';

export interface FootnoteListProps {
  editor: Editor;
  /** The report's language: the notes are the authors' text. */
  language: string | undefined;
  /** Null while the text cannot be edited: the notes are only listed. */
  onEdit: ((note: FootnoteAt) => void) | null;
}

/**
 * The section's footnotes below its text, numbered as the markers in the text: what the PDF
 * sets at the foot of the page, with its web addresses as links. Where the text can be
 * edited, each note has its edit button (the dialog edits the plain text).
 */
export function FootnoteList({ editor, language, onEdit }: FootnoteListProps) {
  const { t } = useI18n();
  const headingId = useId();
  const notes = useEditorState({
    editor,
    selector: ({ editor: current }) => numberedFootnotes(current.state),
    equalityFn: (a, b) =>
      b !== null &&
      a.length === b.length &&
      a.every((note, index) => note.pos === b[index]?.pos && note.text === b[index]?.text),
  });
  if (notes.length === 0) {
    return null;
  }
  return (
    <section className="footnote-list" aria-labelledby={headingId}>
      <h3 id={headingId} className="footnote-list__title">
        {t('footnotes.list')}
      </h3>
      <p className="footnote-list__hint">{t('footnotes.listHint')}</p>
      <ol className="footnote-list__notes">
        {notes.map((note) => (
          <li key={`${note.number}-${note.pos}`} className="footnote-list__note">
            <FootnoteText className="footnote-list__text" text={note.text} language={language} />
            {onEdit === null ? null : (
              <Button
                variant="ghost"
                size="small"
                aria-label={t('footnotes.editOf', { number: note.number })}
                onClick={() => {
                  onEdit(note);
                }}
              >
                {t('footnotes.edit')}
              </Button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
