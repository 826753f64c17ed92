import type { Language, OutlineNode } from '@kapitel/domain';
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { createTranslator, useT } from '../../../i18n';
import { useReportFigures } from '../hooks/use-report-figures';
import { localFigures, setFigureContext } from '../internal/figure-context';
import { selectedFigureRef, showFigure } from '../internal/figure-ref-view';
import { selectedSectionRef, setSectionRefContext } from '../internal/section-ref-view';
import { sectionTargets } from '../utils/cross-refs';
import { reportFigureTargets, type FigureReport, type FigureTarget } from '../utils/figure-refs';
import { CrossRefDialog, type ChangedRef } from './cross-ref-dialog';
import { platformShortcut } from './toolbar-button';
import './cross-refs.css';
import './figure-refs.css';

export interface CrossRefs {
  /** What the dialog is open for: a new reference, or the selected one to change; null when closed. */
  request: { changing: ChangedRef | null } | null;
  /** The toolbar's button: changes the selected reference, or inserts a new one at the cursor. */
  open: () => void;
  close: () => void;
}

/** Whether the cross-reference dialog is open, and for what. */
export function useCrossRefs(editor: Editor): CrossRefs {
  const [request, setRequest] = useState<CrossRefs['request']>(null);
  const open = useCallback(() => {
    const section = selectedSectionRef(editor);
    const figure = selectedFigureRef(editor);
    setRequest({
      changing: section !== null ? { kind: 'section', ref: section } : figure !== null ? { kind: 'figure', ref: figure } : null,
    });
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
  /** Counts the changes of other sections' texts (the figures are loaded again after one). */
  otherTexts: number;
  /** The report's language: the references say "Kapitel 3" or "Chapter 3" as the PDF does. */
  language: Language;
  editable: boolean;
  /** The stored text has arrived: a figure named in the address (`#figure-<id>`, a followed reference) can be shown. */
  loaded: boolean;
}

/**
 * Keeps the cross-references in the text and the numbers beside captions in step with the
 * live outline and the report's figures (their labels), the editor's mode (link or chip)
 * and the languages; holds their dialog and says what it did.
 */
export function CrossRefArea({ editor, crossRefs, projectId, sectionId, outline, otherTexts, language, editable, loaded }: CrossRefAreaProps) {
  const t = useT();
  const navigate = useNavigate();
  const { hash } = useLocation();
  const [said, setSaid] = useState('');
  const targets = useMemo(() => (outline === null ? null : sectionTargets(outline)), [outline]);
  const report = useMemo(() => createTranslator(language), [language]);
  const reportFigures = useReportFigures(projectId, outline, otherTexts);
  const { reload: reloadFigures } = reportFigures;
  const figureReport = useMemo<FigureReport | null>(
    () =>
      reportFigures.figures === null || targets === null ? null : { figures: reportFigures.figures, sections: targets, sectionId },
    [reportFigures.figures, targets, sectionId],
  );

  const href = useCallback(
    (id: string): string => `/projects/${encodeURIComponent(projectId)}/sections/${encodeURIComponent(id)}`,
    [projectId],
  );
  const followKey = platformShortcut('Control') === 'Meta' ? t('editor.key.Meta') : t('editor.key.Control');
  const changing = crossRefs.request?.changing ?? null;
  const open = crossRefs.request !== null && editable;

  useEffect(() => {
    setSectionRefContext(editor, {
      targets: targets === null ? null : new Map(targets.map((target) => [target.id, target])),
      editable,
      report,
      ui: t,
      followKey,
      href,
      follow: (id) => {
        void navigate(href(id));
      },
    });
  }, [editor, targets, editable, report, t, navigate, href, followKey]);

  const followFigure = useCallback(
    (target: FigureTarget): void => {
      if (target.here) {
        showFigure(editor, target.figureId);
      } else {
        void navigate(`${href(target.sectionId)}#figure-${target.figureId}`);
      }
    },
    [editor, navigate, href],
  );

  useEffect(() => {
    setFigureContext(editor, { report: figureReport, words: report, ui: t, editable, followKey, href, follow: followFigure });
  }, [editor, figureReport, report, t, editable, followKey, href, followFigure]);

  // Arrived from a reference in another section: its figure is shown once the text is here.
  useEffect(() => {
    const id = hash.startsWith('#figure-') ? hash.slice('#figure-'.length) : '';
    if (loaded && id !== '') {
      showFigure(editor, id);
    }
  }, [editor, hash, loaded]);

  // The dialog lists what is there now: other sections' figures may have changed since the page opened.
  useEffect(() => {
    if (open) {
      reloadFigures();
    }
  }, [open, reloadFigures]);

  // This text's figures as they are at this moment: one captioned a moment ago is offered at once.
  const figures = open && figureReport !== null ? reportFigureTargets(figureReport, localFigures(editor.state.doc)) : null;

  return (
    <>
      <div role="status" className="visually-hidden">
        {said}
      </div>
      {open ? (
        <CrossRefDialog
          editor={editor}
          targets={targets === null ? null : targets.filter((target) => target.id !== sectionId)}
          figures={figures}
          changing={changing}
          report={report}
          href={href}
          showFigure={followFigure}
          onClose={(done) => {
            crossRefs.close();
            setSaid(done ?? '');
          }}
        />
      ) : null}
    </>
  );
}
