import type { CitationAttrs } from '@kapitel/editor';
import type { Language, Source } from '@kapitel/domain';
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useT } from '../../../i18n';
import { refreshCitationLabels, selectedCitation, setCitationContext } from '../internal/citation-view';
import { citableSources, citationLabels } from '../utils/citations';
import { CitationDialog } from './citation-dialog';

export interface Citations {
  /** What the dialog is open for: a new citation, or the selected one to change; null when closed. */
  request: { changing: CitationAttrs | null } | null;
  /** The toolbar's button: changes the selected citation, or inserts a new one at the cursor. */
  open: () => void;
  close: () => void;
}

/** Whether the citation dialog is open, and for what. */
export function useCitations(editor: Editor): Citations {
  const [request, setRequest] = useState<Citations['request']>(null);
  const open = useCallback(() => {
    setRequest({ changing: selectedCitation(editor) });
  }, [editor]);
  const close = useCallback(() => {
    setRequest(null);
  }, []);
  return { request, open, close };
}

export interface CitationAreaProps {
  editor: Editor;
  citations: Citations;
  projectId: string;
  /** The project's sources, live (the page loads them again on every change of the list); null while loading. */
  sources: readonly Source[] | null;
  /** The report's language: the labels say "u. a." or "et al." as the PDF does. */
  language: Language;
  editable: boolean;
}

/**
 * Keeps the citations in the text in step with the project's list of sources (their labels)
 * and the interface's language; holds their dialog and says what it did.
 */
export function CitationArea({ editor, citations, projectId, sources, language, editable }: CitationAreaProps) {
  const t = useT();
  const [said, setSaid] = useState('');
  const citable = useMemo(() => (sources === null ? null : citableSources(sources, language)), [sources, language]);

  useEffect(() => {
    setCitationContext(editor, { labels: citable === null ? null : citationLabels(citable), ui: t });
  }, [editor, citable, t]);

  // Once the text may be edited (it has loaded), and whenever the list changes. A moment later:
  // the page makes the editor editable in an effect of its own, which runs after this one.
  useEffect(() => {
    if (!editable || citable === null) {
      return undefined;
    }
    const later = setTimeout(() => {
      refreshCitationLabels(editor, citationLabels(citable));
    }, 0);
    return () => {
      clearTimeout(later);
    };
  }, [editor, citable, editable]);

  return (
    <>
      <div role="status" className="visually-hidden">
        {said}
      </div>
      {citations.request !== null && editable ? (
        <CitationDialog
          editor={editor}
          projectId={projectId}
          sources={sources}
          changing={citations.request.changing}
          language={language}
          manageHref={`/projects/${encodeURIComponent(projectId)}#sources`}
          onClose={(done) => {
            citations.close();
            setSaid(done ?? '');
          }}
        />
      ) : null}
    </>
  );
}
