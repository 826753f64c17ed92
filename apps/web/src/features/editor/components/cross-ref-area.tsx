import type { Language, OutlineNode } from '@kapitel/domain';
import type { SectionRefAttrs } from '@kapitel/editor';
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { createTranslator, useT } from '../../../i18n';
import { selectedSectionRef, setSectionRefContext } from '../internal/section-ref-view';
import { sectionTargets } from '../utils/cross-refs';
import { CrossRefDialog } from './cross-ref-dialog';
import { platformShortcut } from './toolbar-button';
import './cross-refs.css';

export interface CrossRefs {
  /** What the dialog is open for: a new reference, or the selected one to change; null when closed. */
  request: { changing: SectionRefAttrs | null } | null;
  /** The toolbar's button: changes the selected reference, or inserts a new one at the cursor. */
  open: () => void;
  close: () => void;
}

/** Whether the cross-reference dialog is open, and for what. */
export function useCrossRefs(editor: Editor): CrossRefs {
  const [request, setRequest] = useState<CrossRefs['request']>(null);
  const open = useCallback(() => {
    setRequest({ changing: selectedSectionRef(editor) });
  }, [editor]);
  const close = useCallback(() => {
    setRequest(null);
  }, []);
  return { request, open, close };
}

export interface CrossRefAreaProps {
  editor: Editor;
  crossRefs: CrossRefs;
  projectId: string;
  sectionId: string;
  /** The report's sections, live (the page loads them again on every outline change); null while loading. */
  outline: readonly OutlineNode[] | null;
  /** The report's language: the references say "Kapitel 3" or "Chapter 3" as the PDF does. */
  language: Language;
  editable: boolean;
}

/**
 * Keeps the cross-references in the text in step with the live outline (their labels),
 * the editor's mode (link or chip) and the languages; holds their dialog and says what it did.
 */
export function CrossRefArea({ editor, crossRefs, projectId, sectionId, outline, language, editable }: CrossRefAreaProps) {
  const t = useT();
  const navigate = useNavigate();
  const [said, setSaid] = useState('');
  const targets = useMemo(() => (outline === null ? null : sectionTargets(outline)), [outline]);
  const report = useMemo(() => createTranslator(language), [language]);

  const href = useCallback(
    (id: string): string => `/projects/${encodeURIComponent(projectId)}/sections/${encodeURIComponent(id)}`,
    [projectId],
  );
  const changing = crossRefs.request?.changing ?? null;

  useEffect(() => {
    setSectionRefContext(editor, {
      targets: targets === null ? null : new Map(targets.map((target) => [target.id, target])),
      editable,
      report,
      ui: t,
      followKey: platformShortcut('Control') === 'Meta' ? t('editor.key.Meta') : t('editor.key.Control'),
      href,
      follow: (id) => {
        void navigate(href(id));
      },
    });
  }, [editor, targets, editable, report, t, navigate, href]);

  return (
    <>
      <div role="status" className="visually-hidden">
        {said}
      </div>
      {crossRefs.request !== null && editable ? (
        <CrossRefDialog
          editor={editor}
          targets={targets === null ? null : targets.filter((target) => target.id !== sectionId)}
          changing={changing}
          report={report}
          targetHref={changing !== null && targets?.some((target) => target.id === changing.sectionId) ? href(changing.sectionId) : null}
          onClose={(done) => {
            crossRefs.close();
            setSaid(done ?? '');
          }}
        />
      ) : null}
    </>
  );
}
