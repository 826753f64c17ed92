import type { FigureKind, FigureRefAttrs, SectionRefAttrs } from '@kapitel/editor';
import type { Editor } from '@tiptap/core';
import { useLayoutEffect, useRef, useState } from 'react';
import { useI18n, type MessageKey, type Translate } from '../../../i18n';
import { Segmented } from '../../../ui';
import type { SectionTarget } from '../utils/cross-refs';
import type { FigureTarget } from '../utils/figure-refs';
import { EditorDialog } from './editor-dialog';
import { FigureRefForm } from './figure-ref-form';
import { SectionRefForm } from './section-ref-form';

/** The selected reference the dialog changes: to a section, or to a figure or table. */
export type ChangedRef = { kind: 'section'; ref: SectionRefAttrs } | { kind: 'figure'; ref: FigureRefAttrs };

/** What a reference points to, as the dialog's first choice offers it. */
type RefKind = 'section' | FigureKind;

const KINDS: { kind: RefKind; label: MessageKey }[] = [
  { kind: 'section', label: 'figureRefs.kindSection' },
  { kind: 'figure', label: 'figureRefs.kindFigure' },
  { kind: 'table', label: 'figureRefs.kindTable' },
];

export interface CrossRefDialogProps {
  editor: Editor;
  /** The sections one can point to (the section being edited left out); null while the outline loads. */
  targets: readonly SectionTarget[] | null;
  /** The report's figures and tables, this section's from its live text; null while they load. */
  figures: readonly FigureTarget[] | null;
  /** The selected reference, to be changed; null for a new one at the cursor. */
  changing: ChangedRef | null;
  /** The words of the text, in the report's language: the announcement names the target as the text does. */
  report: Translate;
  /** The address of a section's page. */
  href: (sectionId: string) => string;
  /** Shows a figure of this text (scrolled to). */
  showFigure: (target: FigureTarget) => void;
  /** The dialog is done; `said` is what happened, for the page to announce (null: nothing). */
  onClose: (said: string | null) => void;
}

/**
 * "Querverweis einfügen" / "ändern": first what to point to (a section, a figure, a table:
 * radio buttons, as Word's "Verweistyp"), then the targets of that kind with a filter. The
 * filter has the focus first, as typing a few letters of the target is the quickest way;
 * Shift+Tab reaches the kind, whose arrow keys change it.
 */
export function CrossRefDialog({ editor, targets, figures, changing, report, href, showFigure, onClose }: CrossRefDialogProps) {
  const { t } = useI18n();
  const [kind, setKind] = useState<RefKind>(changing?.kind === 'figure' ? changing.ref.kind : 'section');
  const content = useRef<HTMLDivElement>(null);

  // After the dialog's own first focus (on the first control, the kind): into the filter.
  useLayoutEffect(() => {
    content.current?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  }, []);

  const sectionRef = changing?.kind === 'section' ? changing.ref : null;
  const figureRef = changing?.kind === 'figure' ? changing.ref : null;
  return (
    <EditorDialog
      title={t(changing === null ? 'crossRefs.insert' : 'crossRefs.change')}
      className="cross-ref-dialog"
      editor={editor}
      onDismiss={() => {
        onClose(null);
      }}
    >
      <div ref={content}>
        <Segmented<RefKind>
          className="cross-ref-dialog__kinds"
          legend={t('figureRefs.dialog.kind')}
          value={kind}
          options={KINDS.map((option) => ({ value: option.kind, label: t(option.label) }))}
          onChange={setKind}
        />
        {kind === 'section' ? (
          <SectionRefForm
            editor={editor}
            targets={targets}
            changing={sectionRef}
            report={report}
            targetHref={sectionRef !== null && targets?.some((target) => target.id === sectionRef.sectionId) ? href(sectionRef.sectionId) : null}
            onClose={onClose}
          />
        ) : (
          <FigureRefForm
            key={kind}
            editor={editor}
            kind={kind}
            targets={figures}
            changing={figureRef}
            words={report}
            href={(target) => `${href(target.sectionId)}#figure-${target.figureId}`}
            show={showFigure}
            onClose={onClose}
          />
        )}
      </div>
    </EditorDialog>
  );
}
